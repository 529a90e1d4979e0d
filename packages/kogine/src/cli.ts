/** The `kogine` command line. Exit status: 0 every task succeeded; 1 bad input (refused before a run is
 * created) or a failed task; 2 no entrypoint found; 130 interrupted by Ctrl-C; 143 terminated by SIGTERM;
 * 129 hung up. Bad input gets one paragraph; `--debug` adds the stack. */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { checkConfigAgainstScript, showConfigs, validateConfig } from "./config-commands.js";
import {
  EXIT_FAILED,
  EXIT_HANGUP,
  EXIT_INTERRUPTED,
  EXIT_NO_ENTRYPOINT,
  EXIT_OK,
  EXIT_TERMINATED,
  KogineError,
} from "./errors.js";
import { executeFlow, type FlowResult } from "./flow-runner.js";
import { buildInvocation, type StepInput } from "./flows.js";
import { gpuSlots } from "./gpu-slots.js";
import type { Launcher } from "./launcher.js";
import { LocalLauncher } from "./local-launcher.js";
import { killAllGroups } from "./process-groups.js";
import type { LogFormat } from "./progress.js";
import { defaultRunsRoot, type FlowMode, RunStore } from "./run-store.js";
import { runTaskFromStore } from "./run-task-from-store.js";
import { compareRuns, listRuns, showRun } from "./runs-commands.js";
import type { CompareOptions } from "./runs-compare.js";
import { resolveScript } from "./script-language.js";
import { type SearchFlags, searchFromFlags, withSearchOptions } from "./search-cli.js";

interface RunFlags extends Partial<SearchFlags> {
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
  grace?: string;
  timeout?: string;
  gpus?: string;
  gpusPerTask: string;
  slurmPartition?: string;
  slurmTime?: string;
  slurmGpus?: string;
  slurmMem?: string;
  slurmCpus?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export async function main(argv: string[]): Promise<number> {
  quietWhenReaderLeaves(process.stdout);
  quietWhenReaderLeaves(process.stderr);
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

/** `kogine ... | head`: once the reader has gone, what is left to write is dropped, and the command ends as
 * it would have (no EPIPE stack). */
function quietWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stream.write = () => true;
  });
}

function buildProgram(): Command {
  const program = new Command("kogine")
    .description("Run Python and JS/TS scripts under configs, sweeps, workflows and workers, with a run store.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`kogine: ${text.replace(/^error: /, "error: ")}`) })
    .option("--debug", "show stack traces for errors");

  withSearchOptions(
    withRunOptions(
      program
        .command("run")
        .description("run SCRIPT (SCRIPT:NAME picks the entrypoint) under every config of -c and every --sweep point")
        .argument("[script]", "a .py, .js, .mjs, .ts or .mts script"),
    ),
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

  runs
    .command("compare")
    .description("compare a run's tasks: varied settings, status, duration, each metric's last and best value")
    .argument("<run>", "a run directory, its id, a unique end of its id, or `latest`")
    .option("--runs-dir <dir>", "run store location")
    .option("--sort <metric>", "order by the metric's best value, best first")
    .addOption(
      new Option("--mode <mode>", "which end of the --sort metric (of every metric without --sort) is best").choices([
        "min",
        "max",
      ]),
    )
    .addOption(new Option("--format <format>", "output format").choices(["table", "csv", "json"]).default("table"))
    .action((run: string, flags: { runsDir?: string } & CompareOptions) =>
      compareRuns(runsRoot(flags.runsDir), run, { sort: flags.sort, mode: flags.mode, format: flags.format }),
    );

  program
    .command("ui")
    .description("serve the run browser: runs, tasks, metric curves, a sweep's settings against a metric, logs; live")
    .option("--port <n>", "port to listen on (0: any free port)", "8765")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--runs-dir <dir>", "run store location (default ./runs or $KOGINE_RUNS_DIR)")
    .action(async (flags: { port: string; host: string; runsDir?: string }) => {
      const { serveRunBrowser } = await import("./run-browser-server.js");
      const port = positiveInteger(flags.port, "--port", 0);
      if (port > 65535) throw new KogineError(`--port ${flags.port}: expected a port number, 0 to 65535`);
      await serveRunBrowser({ runsDir: runsRoot(flags.runsDir), host: flags.host, port });
    });

  program
    .command("worker")
    .description("take tasks from a BullMQ queue in Redis and run them, -w at a time")
    .requiredOption("--redis <url>", "Redis URL, e.g. redis://127.0.0.1:6379")
    .option("-w, --workers <n>", "tasks at a time", String(availableParallelism()))
    .option("--queue <name>", "queue name", "kogine")
    .option("--lock-ms <ms>", "how soon a task of a worker that died goes to another worker", "30000")
    .action(async (flags: { redis: string; workers: string; queue: string; lockMs: string }) => {
      checkRedisUrl(flags.redis);
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
    .option("--resume <run>", "re-run only the tasks of RUN that did not succeed")
    .option(
      "--grace <seconds>",
      "after the first Ctrl-C or SIGTERM, how long tasks get to end before they are killed",
      "30",
    )
    .option("--timeout <seconds>", "kill a task running longer than this; it fails as `timeout` (--retries apply)")
    .option(
      "--gpus <ids>",
      "GPUs to share among worker slots, e.g. 0,1,2,3 (each slot's tasks get CUDA_VISIBLE_DEVICES)",
    )
    .option("--gpus-per-task <k>", "GPUs per worker slot with --gpus; slots = GPUs / K unless -w says fewer", "1")
    .option("--slurm-partition <name>", "with --launcher slurm: the partition (#SBATCH --partition)")
    .option("--slurm-time <limit>", "with --launcher slurm: each task's time limit, e.g. 2:00:00 (#SBATCH --time)")
    .option("--slurm-gpus <n>", "with --launcher slurm: GPUs per task, e.g. 1 or a100:2 (#SBATCH --gpus)")
    .option("--slurm-mem <size>", "with --launcher slurm: memory per task, e.g. 16G (#SBATCH --mem)")
    .option("--slurm-cpus <n>", "with --launcher slurm: CPUs per task (#SBATCH --cpus-per-task)");
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
  if (flags.resume && scripts.length > 0) checkResumedScripts(runsRoot(flags.runsDir), flags.resume, scripts);
  const requested = flags.workers === undefined ? undefined : positiveInteger(flags.workers, "-w");
  const gpus = flags.gpus
    ? gpuSlots(flags.gpus, positiveInteger(flags.gpusPerTask, "--gpus-per-task"), requested)
    : null;
  const workers = gpus?.length ?? requested;
  const graceMs = seconds(flags.grace ?? "30", "--grace", 0) * 1000;
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
        search: searchFromFlags({ search: [], ...flags }),
        timeoutSeconds: flags.timeout === undefined ? null : seconds(flags.timeout, "--timeout", Number.MIN_VALUE),
      });
  const launcher = await createLauncher(flags, invocation?.workers ?? workers ?? 1, mode, gpus);
  const controller = new AbortController();
  // The first Ctrl-C or SIGTERM asks the tasks to end (SIGINT, then SIGKILL after the grace); a second ends
  // every process of the run at once. A hang-up leaves no one to wait for.
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted || signal === "SIGHUP") {
      killAllGroups();
      process.exit(signal === "SIGHUP" ? EXIT_HANGUP : exitStatusOf(controller.signal.reason ?? signal));
    }
    const what = signal === "SIGINT" ? "interrupted" : "terminated";
    process.stderr.write(
      `\nkogine: ${what}; tasks get ${graceMs / 1000} s to end (--grace); Ctrl-C again to stop them at once\n`,
    );
    controller.abort(signal);
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.on(signal, onSignal);
  try {
    const result = await executeFlow(invocation ?? (null as never), {
      runsDir: runsRoot(flags.runsDir),
      name: flags.name,
      launcher,
      logFormat: flags.logFormat,
      signal: controller.signal,
      graceMs,
      resume: flags.resume,
    });
    return reportResult(result, flags.logFormat, controller.signal.reason);
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    await (launcher as (Launcher & { close?: () => Promise<void> }) | undefined)?.close?.();
  }
}

/** `run SCRIPT --resume RUN` resumes RUN only if RUN ran SCRIPT. */
function checkResumedScripts(root: string, reference: string, scripts: string[]): void {
  const run = RunStore.find(root, reference);
  const ran = run.invocation.steps.map((step) => step.script);
  const given = scripts.map((script) => resolveScript(script, null).path);
  if (given.length !== ran.length || given.some((path, i) => path !== ran[i])) {
    throw new KogineError(
      `--resume ${reference}: run ${run.id} ran ${ran.join(", ")}, not ${given.join(", ")}; ` +
        `resume it with: kogine resume ${run.id}`,
    );
  }
}

function checkRedisUrl(text: string): void {
  let protocol = "";
  try {
    protocol = new URL(text).protocol;
  } catch {
    // Reported below.
  }
  if (protocol !== "redis:" && protocol !== "rediss:")
    throw new KogineError(`--redis ${text}: expected a Redis URL such as redis://127.0.0.1:6379`);
}

function exitStatusOf(signal: unknown): number {
  return signal === "SIGTERM" ? EXIT_TERMINATED : EXIT_INTERRUPTED;
}

async function createLauncher(
  flags: RunFlags,
  workers: number,
  mode: FlowMode,
  gpus: string[][] | null,
): Promise<Launcher | undefined> {
  if (gpus && flags.launcher !== "local")
    throw new KogineError("--gpus applies to --launcher local (with Slurm, use --slurm-gpus)");
  const slurmFlags = ["slurmPartition", "slurmTime", "slurmGpus", "slurmMem", "slurmCpus"] as const;
  const slurmFlag = slurmFlags.find((key) => flags[key] !== undefined);
  if (slurmFlag && flags.launcher !== "slurm")
    throw new KogineError(`--${slurmFlag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} applies to --launcher slurm`);
  if (flags.launcher === "bullmq") {
    if (!flags.redis) throw new KogineError("--launcher bullmq needs --redis URL (e.g. redis://127.0.0.1:6379)");
    checkRedisUrl(flags.redis);
    const { BullmqLauncher } = await import("./bullmq-launcher.js");
    return BullmqLauncher.connect(flags.redis, flags.queue, workers);
  }
  if (flags.launcher === "slurm") {
    if (mode === "pipeline")
      throw new KogineError("--launcher slurm cannot run a pipeline: each step needs the one before's results");
    const { SlurmLauncher } = await import("./slurm-launcher.js");
    return new SlurmLauncher({
      dryRun: flags.dryRun ?? false,
      arrayParallelism: flags.workers ? workers : null,
      resources: {
        partition: flags.slurmPartition,
        time: flags.slurmTime,
        gpus: flags.slurmGpus,
        mem: flags.slurmMem,
        cpus: flags.slurmCpus,
      },
    });
  }
  if (flags.dryRun) throw new KogineError("--dry-run applies to --launcher slurm");
  const oneAtATime = mode === "sequential" || mode === "pipeline";
  if (gpus) return new LocalLauncher(1, oneAtATime ? gpus.slice(0, 1) : gpus);
  return oneAtATime
    ? new LocalLauncher(1)
    : flags.workers || mode === "parallel"
      ? new LocalLauncher(workers)
      : undefined;
}

function reportResult(result: FlowResult, format: LogFormat, stoppedBy: unknown): number {
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
  if (result.status === "interrupted") return exitStatusOf(stoppedBy);
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

function seconds(text: string, flag: string, minimum: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < minimum)
    throw new KogineError(`${flag} ${text}: expected a number of seconds${minimum > 0 ? " above 0" : ""}`);
  return value;
}

function positiveInteger(text: string, flag: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new KogineError(`${flag} ${text}: expected a whole number >= ${minimum}`);
  return value;
}
