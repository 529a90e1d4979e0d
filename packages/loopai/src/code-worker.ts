// Runs inside a worker thread: evaluates generated JavaScript in a fresh vm context (no require,
// no process, no timers) with a per-call timeout, and answers the pool's messages one at a time.
// The vm context is not a security boundary; the worker's memory limit and the pool's hard
// deadline (which terminates the worker) are what contain a bad program.

import vm from "node:vm";
import { parentPort } from "node:worker_threads";

interface Job {
  id: number;
  key: string;
  source: string;
  input: unknown;
  deadlineMs: number;
}

const programs = new Map<string, vm.Context>();
const call = new vm.Script("globalThis.__result = JSON.stringify(run(JSON.parse(globalThis.__input)));");

function contextFor(key: string, source: string, deadlineMs: number): vm.Context {
  let ctx = programs.get(key);
  if (!ctx) {
    ctx = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
    new vm.Script(source, { filename: `program-${key}.js` }).runInContext(ctx, { timeout: deadlineMs });
    if (typeof ctx.run !== "function") throw new Error("the program does not define function run(input)");
    if (programs.size > 16) programs.delete(programs.keys().next().value as string);
    programs.set(key, ctx);
  }
  return ctx;
}

parentPort?.on("message", (job: Job) => {
  try {
    const ctx = contextFor(job.key, job.source, job.deadlineMs);
    ctx.__input = JSON.stringify(job.input ?? null);
    call.runInContext(ctx, { timeout: job.deadlineMs });
    const value = ctx.__result === undefined ? undefined : JSON.parse(ctx.__result as string);
    parentPort?.postMessage({ id: job.id, ok: true, value });
  } catch (err) {
    const e = err as Error;
    const message =
      (e as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT"
        ? `deadline of ${job.deadlineMs} ms exceeded`
        : `${e?.name ?? "Error"}: ${e?.message ?? String(err)}`;
    parentPort?.postMessage({ id: job.id, ok: false, error: message });
  }
});
