/** Submits a run's tasks as one Slurm array job: element i runs `kogine task RUN_DIR i`, which writes
 * into the run store like a local task (the store must be on a filesystem the nodes share). */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
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
  extraDirectives?: string[];
}

export class SlurmLauncher implements Launcher {
  readonly name = "slurm";

  constructor(private readonly options: SlurmOptions) {}

  async execute(specs: TaskSpec[], context: LaunchContext): Promise<TaskRecord[]> {
    const script = sbatchScript(specs, context.store.dir, context.store.invocation.cwd, this.options);
    const path = join(context.store.dir, "slurm.sbatch");
    writeFileSync(path, script);
    if (this.options.dryRun) {
      process.stdout.write(script);
      process.stderr.write(`kogine: dry run: wrote ${path}; submit it with: sbatch ${path}\n`);
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
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  return [
    "#!/bin/bash",
    `#SBATCH --job-name=kogine-${runDir.split("/").pop()}`,
    `#SBATCH --array=${range}${throttle}`,
    `#SBATCH --output=${join(runDir, "tasks", "slurm-%A_%a.out")}`,
    "#SBATCH --ntasks=1",
    ...(options.extraDirectives ?? []).map((d) => `#SBATCH ${d}`),
    "set -euo pipefail",
    `cd ${quote(cwd)}`,
    `exec ${quote(process.execPath)} ${quote(KOGINE_BIN)} task ${quote(runDir)} "$SLURM_ARRAY_TASK_ID"`,
    "",
  ].join("\n");
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
