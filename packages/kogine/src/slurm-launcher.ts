/** Submits a run's tasks as one Slurm array job: element i runs `kogine task RUN_DIR i`, which writes
 * into the run store like a local task (the store must be on a filesystem the nodes share). */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { KogineError } from "./errors.js";
import type { LaunchContext, Launcher } from "./launcher.js";
import type { TaskRecord } from "./run-store.js";
import type { TaskSpec } from "./task-spec.js";

const KOGINE_BIN = fileURLToPath(new URL("../../bin/kogine.js", import.meta.url));

export interface SlurmOptions {
  dryRun: boolean;
  /** At most this many array elements at once (`%N`); none when null. */
  arrayParallelism: number | null;
  /** `--slurm-partition` and the like: each array element's share of the cluster. */
  resources?: SlurmResources;
  extraDirectives?: string[];
}

export interface SlurmResources {
  partition?: string;
  /** A time limit as Slurm writes one (`30`, `2:00:00`, `1-12:00:00`). */
  time?: string;
  /** GPUs per array element (`2`, `a100:2`). */
  gpus?: string;
  /** Memory per element (`16G`). */
  mem?: string;
  /** CPUs per element. */
  cpus?: string;
}

const RESOURCE_OPTIONS: Record<keyof SlurmResources, string> = {
  partition: "--partition",
  time: "--time",
  gpus: "--gpus",
  mem: "--mem",
  cpus: "--cpus-per-task",
};

export class SlurmLauncher implements Launcher {
  readonly name = "slurm";

  constructor(private readonly options: SlurmOptions) {}

  async execute(specs: TaskSpec[], context: LaunchContext): Promise<TaskRecord[]> {
    const script = sbatchScript(specs, context.store.dir, context.store.invocation.cwd, this.options);
    const path = join(context.store.dir, "slurm.sbatch");
    writeFileSync(path, script);
    if (this.options.dryRun) {
      process.stdout.write(script);
      process.stderr.write(`kogine: dry run: wrote ${path}; submit it with: sbatch ${shellWord(path)}\n`);
    } else {
      const jobId = submit(path);
      process.stderr.write(
        `kogine: submitted Slurm array job ${jobId} (${specs.length} task(s)); follow it with: kogine runs show ${context.store.id}\n`,
      );
    }
    return specs.map((spec) => context.store.record(spec.index) as TaskRecord);
  }
}

export function sbatchScript(specs: TaskSpec[], runDir: string, cwd: string, options: SlurmOptions): string {
  const indices = specs.map((s) => s.index);
  const contiguous = indices.every((n, i) => i === 0 || n === indices[i - 1] + 1);
  const range = contiguous ? `${indices[0]}-${indices[indices.length - 1]}` : indices.join(",");
  const throttle = options.arrayParallelism ? `%${options.arrayParallelism}` : "";
  const resources = Object.entries(options.resources ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `#SBATCH ${RESOURCE_OPTIONS[key as keyof SlurmResources]}=${directiveValue(value)}`);
  return [
    "#!/bin/bash",
    `#SBATCH --job-name=${directiveValue(`kogine-${basename(runDir)}`)}`,
    `#SBATCH --array=${range}${throttle}`,
    // Slurm expands %A and %a in the name; a % of the path itself is written %%.
    `#SBATCH --output=${directiveValue(join(runDir.replace(/%/g, "%%"), "tasks", "slurm-%A_%a.out"))}`,
    "#SBATCH --ntasks=1",
    ...resources,
    ...(options.extraDirectives ?? []).map((d) => `#SBATCH ${d}`),
    "set -euo pipefail",
    `cd ${shellWord(cwd)}`,
    `exec ${shellWord(process.execPath)} ${shellWord(KOGINE_BIN)} task ${shellWord(runDir)} "$SLURM_ARRAY_TASK_ID"`,
    "",
  ].join("\n");
}

/** A word the shell reads back as `text`, whatever it holds. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** An `#SBATCH` option's value as sbatch reads it back: in double quotes, `"` and `\` escaped with `\`
 * (sbatch's directive parser, not the shell, reads these lines). */
function directiveValue(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

function submit(path: string): string {
  try {
    return execFileSync("sbatch", ["--parsable", path], { encoding: "utf8" }).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new KogineError(
        `sbatch not found: Slurm is not installed here. The job script is at ${path}; --dry-run prints it without submitting.`,
      );
    }
    throw new KogineError(
      `sbatch failed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`,
    );
  }
}
