/** `kogine runs list|show|compare`. */
import { join } from "node:path";
import { stringifyExtendedJson } from "./extended-json.js";
import { listRunIds, RunStore } from "./run-store.js";
import { type CompareOptions, compareRun, formatComparison } from "./runs-compare.js";

export function compareRuns(root: string, reference: string, options: CompareOptions): void {
  endQuietlyOnClosedPipe();
  const rows = compareRun(RunStore.find(root, reference), options);
  process.stdout.write(formatComparison(rows, options.format));
}

/** `kogine runs ... | head`: once the reader has gone, the rest of the output has nowhere to go. */
function endQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}

export function listRuns(root: string, json: boolean): void {
  endQuietlyOnClosedPipe();
  const runs = listRunIds(root).map((id) => RunStore.open(join(root, id)).snapshot());
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        runs.map(({ tasks: _tasks, ...rest }) => rest),
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (runs.length === 0) process.stdout.write(`no runs under ${root}\n`);
  for (const run of runs) {
    const counts = Object.entries(run.counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ");
    process.stdout.write(
      `${run.id}  ${run.mode.padEnd(10)} ${run.status.padEnd(11)} ${run.tasks.length} task(s): ${counts}\n`,
    );
  }
}

export function showRun(root: string, reference: string, logs: boolean, json: boolean): void {
  endQuietlyOnClosedPipe();
  const store = RunStore.find(root, reference);
  const run = store.snapshot();
  if (json) {
    process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `run ${run.id} (${store.dir})\n  mode ${run.mode}, launcher ${run.launcher}, status ${run.status}, created ${run.createdAt}\n`,
  );
  for (const task of run.tasks) {
    const seconds = task.durationMs === null ? "" : ` ${(task.durationMs / 1000).toFixed(2)}s`;
    const attempts = task.attempts > 1 ? ` after ${task.attempts} attempts` : "";
    process.stdout.write(`  [${task.index}] ${task.label}: ${task.status}${seconds}${attempts}\n`);
    if (task.status === "succeeded")
      process.stdout.write(`      result: ${stringifyExtendedJson(store.result(task.index))}\n`);
    if (task.metrics) {
      const metrics = Object.entries(task.metrics).map(
        ([name, m]) => `${name} ${m.last} (min ${m.min}, max ${m.max}, ${m.count} at step ${m.lastStep})`,
      );
      process.stdout.write(`      metrics: ${metrics.join("; ")}\n`);
    }
    if (task.failure) {
      process.stdout.write(`      ${task.failure.kind}: ${task.failure.message}\n`);
      if (task.failure.traceback)
        process.stdout.write(`${task.failure.traceback.trimEnd().replace(/^/gm, "      | ")}\n`);
    }
    if (logs) {
      for (const stream of ["stdout", "stderr"] as const) {
        const text = store.readLog(task.index, stream).trimEnd();
        if (text) process.stdout.write(`      ${stream}:\n${text.replace(/^/gm, "      > ")}\n`);
      }
    }
  }
}
