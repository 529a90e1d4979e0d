/** The `kogine` command line. Exit status: 0 every task succeeded; 1 bad input or a failed task; 2 no
 * entrypoint found; 130 interrupted by Ctrl-C. Bad input gets one paragraph; `--debug` adds the stack. */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { checkConfigAgainstScript, showConfigs, validateConfig } from "./config-commands.js";
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_NO_ENTRYPOINT, EXIT_OK, KogineError } from "./errors.js";
import { executeFlow, type FlowResult } from "./flow-runner.js";
import { buildInvocation, type StepInput } from "./flows.js";
import type { Launcher } from "./launcher.js";
import { LocalLauncher } from "./local-launcher.js";
import type { LogFormat } from "./progress.js";
import { defaultRunsRoot, type FlowMode } from "./run-store.js";
import { runTaskFromStore } from "./run-task-from-store.js";
import { listRuns, showRun } from "./runs-commands.js";

interface RunFlags {
  config?: string[];
  entrypoint?: string;
  set: string[];
  sweep: string[];
  strict?: boolean;
  lenient?: boolean;
  inject: "before" | "after";
  workers?: string;
  retries: string;
  retryDelay: string;
  runsDir?: string;
  name?: string;
  logFormat: LogFormat;
  launcher: "local" | "bullmq" | "slurm";
  redis?: string;
  queue: string;
  dryRun?: boolean;
  resume?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  const program = buildProgram();
  let exitCode = EXIT_OK;
  program.hook("postAction", (_thisCommand, actionCommand) => {
    exitCode = (actionCommand as Command & { exitStatus?: number }).exitStatus ?? EXIT_OK;
  });
  try {
    await program.parseAsync(
      argv.filter((a) => a !== "--debug"),
      { from: "user" },
    );
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_FAILED;
    if (error instanceof KogineError) {
      process.stderr.write(`kogine: error: ${error.message}\n`);
      if (debug) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    process.stderr.write(`kogine: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (debug) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write("(run again with --debug for the stack trace)\n");
    return EXIT_FAILED;
  }
}

function buildProgram(): Command {
  const program = new Command("kogine")
    .description("Run Python and JS/TS scripts under configs, sweeps, workflows and workers, with a run store.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`kogine: ${text.replace(/^error: /, "error: ")}`) })
    .option("--debug", "show stack traces for errors");

  withRunOptions(
    program
      .command("run")
      .description("run SCRIPT (SCRIPT:NAME picks the entrypoint) under every config of -c and every --sweep point")
      .argument("[script]", "a .py, .js, .mjs, .ts or .mts script"),
  ).action(async function (this: Command, script: string | undefined, flags: RunFlags) {
    if (!script && !flags.resume) throw new KogineError("kogine run needs a SCRIPT (or --resume RUN)");
    setExit(this, await runFlow("run", script ? [script] : [], flags));
  });

  const workflow = program.command("workflow").description("run several scripts as one workflow");
  for (const [mode, description] of [
    ["sequential", "run the scripts one after another, stopping at the first failure"],
    ["pipeline", "like sequential; each step's config sees the previous return value as `prev`, all as `results`"],
    ["parallel", "run every script under every config in a pool of -w worker processes"],
  ] as const) {
    withRunOptions(workflow.command(mode).description(description).argument("[scripts...]", "scripts, in order"))
      .option("--pipeline", "(sequential) pass return values on, as `kogine workflow pipeline` does")
      .action(async function (this: Command, scripts: string[], flags: RunFlags & { pipeline?: boolean }) {
        if (scripts.length === 0 && !flags.resume)
          throw new KogineError(`kogine workflow ${mode} needs at least one SCRIPT`);
        setExit(this, await runFlow(mode === "sequential" && flags.pipeline ? "pipeline" : mode, scripts, flags));
      });
  }

  program
    .command("resume")
    .description("re-run the tasks of RUN that did not succeed (same as --resume RUN)")
    .argument("<run>", "a run directory, its id, a unique end of its id, or `latest`")
    .option("--runs-dir <dir>", "run store location (default ./runs or $KOGINE_RUNS_DIR)")
    .addOption(
      new Option("--log-format <format>", "progress output")
        .choices(["auto", "plain", "json", "quiet"])
        .default("auto"),
    )
    .action(async function (this: Command, run: string, flags: RunFlags) {
      setExit(this, await runFlow("run", [], { ...flags, resume: run, set: [], sweep: [] } as RunFlags));
    });

  const config = program.command("config").description("inspect config files");
  config
    .command("validate")
    .description("load CONFIG and report how many configs it yields")
    .argument("<config>")
    .action(async function (this: Command, path: string) {
      setExit(this, await validateConfig(path));
    });
  config
    .command("show")
    .description("print every resolved config of CONFIG with value types")
    .argument("<config>")
    .option("--json", "print JSON")
    .action(async function (this: Command, path: string, flags: { json?: boolean }) {
      setExit(this, await showConfigs(path, flags.json ?? false));
    });
  config
    .command("check")
    .description("list config keys SCRIPT does not define, with suggestions (exit 1 if any)")
    .argument("<script>")
    .requiredOption("-c, --config <config>", "the config to check")
    .option("--set <key=value>", "also check a --set key", collect, [])
    .action(async function (this: Command, script: string, flags: { config: string; set: string[] }) {
      setExit(this, await checkConfigAgainstScript(script, flags.config, flags.set));
    });

  const runs = program.command("runs").description("read the run store");
  runs
    .command("list")
    .description("list runs, newest last")
    .option("--runs-dir <dir>", "run store location (default ./runs or $KOGINE_RUNS_DIR)")
    .option("--json", "print JSON")
    .action((flags: { runsDir?: string; json?: boolean }) => listRuns(runsRoot(flags.runsDir), flags.json ?? false));
  runs
    .command("show")
    .description("show a run's tasks, statuses, results and failures")
    .argument("<run>", "a run directory, its id, a unique end of its id, or `latest`")
    .option("--runs-dir <dir>", "run store location")
    .option("--logs", "print each task's stdout and stderr")
    .option("--json", "print the manifest as JSON")
    .action((run: string, flags: { runsDir?: string; logs?: boolean; json?: boolean }) =>
      showRun(runsRoot(flags.runsDir), run, flags.logs ?? false, flags.json ?? false),
    );

  program
    .command("worker")
    .description("take tasks from a BullMQ queue in Redis and run them, -w at a time")
    .requiredOption("--redis <url>", "Redis URL, e.g. redis://127.0.0.1:6379")
    .option("-w, --workers <n>", "tasks at a time", String(availableParallelism()))
    .option("--queue <name>", "queue name", "kogine")
    .option("--lock-ms <ms>", "how soon a task of a worker that died goes to another worker", "30000")
    .action(async (flags: { redis: string; workers: string; queue: string; lockMs: string }) => {
      const { runBullmqWorker } = await import("./bullmq-worker.js");
      await runBullmqWorker({
        redisUrl: flags.redis,
        concurrency: positiveInteger(flags.workers, "-w"),
        queue: flags.queue,
        lockDurationMs: positiveInteger(flags.lockMs, "--lock-ms", 200),
      });
    });

  program
    .command("task", { hidden: true })
    .description("run task INDEX of the run in RUN_DIR (what Slurm array elements call)")
    .argument("<runDir>")
    .argument("<index>")
    .action(async function (this: Command, runDir: string, index: string) {
      setExit(this, await runTaskFromStore(resolve(runDir), positiveInteger(index, "INDEX", 0)));
    });
  return program;
}

function withRunOptions(command: Command): Command {
  return command
    .option("-c, --config <config>", "config file (repeat to give each workflow step its own)", collect, [])
    .option("-e, --entrypoint <name>", "function to call")
    .option(
      "--set <key=value>",
      "inject a value, coerced to the type of the script's default (repeatable)",
      collect,
      [],
    )
    .option("--sweep <key=a,b,c>", "sweep a value; several --sweep make a cartesian product", collect, [])
    .option("--strict", "fail on config keys the script does not define")
    .option("--lenient", "drop keyword arguments the entrypoint does not accept instead of failing")
    .addOption(
      new Option("--inject <when>", "`before` top-level code runs, or `after` it as the Python original does")
        .choices(["before", "after"])
        .default("before"),
    )
    .option("-w, --workers <n>", "worker processes (parallel default: number of cores; others: 1)")
    .option("--retries <n>", "retry a failing task up to N times with exponential backoff", "0")
    .option("--retry-delay <ms>", "first retry delay in milliseconds (doubles each time)", "500")
    .option("--runs-dir <dir>", "run store location (default ./runs or $KOGINE_RUNS_DIR)")
    .option("--name <name>", "name for the run directory")
    .addOption(
      new Option("--log-format <format>", "progress output")
        .choices(["auto", "plain", "json", "quiet"])
        .default("auto"),
    )
    .addOption(
      new Option("--launcher <launcher>", "where tasks run").choices(["local", "bullmq", "slurm"]).default("local"),
    )
    .option("--redis <url>", "Redis URL for --launcher bullmq")
    .option("--queue <name>", "BullMQ queue name", "kogine")
    .option("--dry-run", "with --launcher slurm: print the sbatch script instead of submitting it")
    .option("--resume <run>", "re-run only the tasks of RUN that did not succeed");
}

async function runFlow(mode: FlowMode, scripts: string[], flags: RunFlags): Promise<number> {
  const configs = flags.config ?? [];
  if (configs.length > 1 && configs.length !== scripts.length) {
    throw new KogineError(
      `${configs.length} configs for ${scripts.length} scripts: give one -c for all, or one per script`,
    );
  }
  const steps: StepInput[] = scripts.map((script, i) => ({
    script,
    config: configs.length > 1 ? configs[i] : configs[0],
    entrypoint: flags.entrypoint,
  }));
  const workers = flags.workers === undefined ? undefined : positiveInteger(flags.workers, "-w");
  const invocation = flags.resume
    ? null
    : buildInvocation(mode, steps, {
        cliSets: flags.set,
        cliSweeps: flags.sweep,
        inject: flags.inject,
        lenient: flags.lenient,
        strict: flags.strict,
        workers,
        retries: positiveInteger(flags.retries, "--retries", 0),
        retryDelayMs: positiveInteger(flags.retryDelay, "--retry-delay", 0),
      });
  const launcher = await createLauncher(flags, invocation?.workers ?? workers ?? 1, mode);
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    process.stderr.write("\nkogine: interrupted; stopping tasks (Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onInterrupt);
  try {
    const result = await executeFlow(invocation ?? (null as never), {
      runsDir: runsRoot(flags.runsDir),
      name: flags.name,
      launcher,
      logFormat: flags.logFormat,
      signal: controller.signal,
      resume: flags.resume,
    });
    return reportResult(result, flags.logFormat);
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
    await (launcher as (Launcher & { close?: () => Promise<void> }) | undefined)?.close?.();
  }
}

async function createLauncher(flags: RunFlags, workers: number, mode: FlowMode): Promise<Launcher | undefined> {
  if (flags.launcher === "bullmq") {
    if (!flags.redis) throw new KogineError("--launcher bullmq needs --redis URL (e.g. redis://127.0.0.1:6379)");
    const { BullmqLauncher } = await import("./bullmq-launcher.js");
    return BullmqLauncher.connect(flags.redis, flags.queue);
  }
  if (flags.launcher === "slurm") {
    if (mode === "pipeline")
      throw new KogineError("--launcher slurm cannot run a pipeline: each step needs the one before's results");
    const { SlurmLauncher } = await import("./slurm-launcher.js");
    return new SlurmLauncher({ dryRun: flags.dryRun ?? false, arrayParallelism: flags.workers ? workers : null });
  }
  if (flags.dryRun) throw new KogineError("--dry-run applies to --launcher slurm");
  return mode === "sequential" || mode === "pipeline"
    ? new LocalLauncher(1)
    : flags.workers || mode === "parallel"
      ? new LocalLauncher(workers)
      : undefined;
}

function reportResult(result: FlowResult, format: LogFormat): number {
  const { records, manifest } = result;
  const failed = records.filter((r) => r.status === "failed");
  const summary = Object.entries(manifest.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  if (format === "json") {
    process.stdout.write(
      `${JSON.stringify({ event: "run-finished", run: result.runDir, status: result.status, counts: manifest.counts })}\n`,
    );
  } else {
    process.stderr.write(`kogine: run ${result.runDir}: ${records.length} task(s): ${summary}\n`);
    for (const record of failed) {
      process.stderr.write(`kogine: task ${record.index} (${record.label}) failed: ${record.failure?.message}\n`);
      if (record.failure?.traceback) process.stderr.write(indent(record.failure.traceback.trimEnd()));
    }
    if (failed.length > 0)
      process.stderr.write(
        `kogine: failed tasks: ${failed.map((r) => r.index).join(", ")}; re-run them with: kogine resume ${manifest.id}\n`,
      );
  }
  if (result.status === "interrupted") return EXIT_INTERRUPTED;
  if (failed.length > 0 && failed.every((r) => r.failure?.kind === "no-entrypoint")) return EXIT_NO_ENTRYPOINT;
  if (result.status === "succeeded" || (manifest.launcher === "slurm" && failed.length === 0)) return EXIT_OK;
  return EXIT_FAILED;
}

function indent(text: string): string {
  return `${text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n")}\n`;
}

function setExit(command: Command, code: number): void {
  (command as Command & { exitStatus?: number }).exitStatus = code;
}

function runsRoot(flag: string | undefined): string {
  return flag ? resolve(flag) : defaultRunsRoot();
}

function positiveInteger(text: string, flag: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new KogineError(`${flag} ${text}: expected a whole number >= ${minimum}`);
  return value;
}
