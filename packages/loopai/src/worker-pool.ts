// A pool of worker threads for generated JavaScript: a memory limit per worker, a deadline per
// call (the vm timeout inside, and a hard timer outside that terminates a worker stuck beyond
// it), and a fresh worker in place of any that died.

import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { Answer } from "./programs.js";

export type CallResult = { ok: true; answer: Answer } | { ok: false; error: string };

interface Pending {
  id: number;
  key: string;
  source: string;
  input: unknown;
  /** This call's deadline (a task's `synthesis.deadlineMs`, else the pool's). */
  deadlineMs: number;
  resolve: (r: CallResult) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
  timer?: NodeJS.Timeout;
}

export interface PoolOptions {
  size: number;
  memoryMb: number;
  deadlineMs: number;
}

/** A code program's return value as an Answer: `{ output, confidence }` or a bare output. */
function toAnswer(value: unknown): Answer {
  if (value !== null && typeof value === "object" && "output" in value) {
    const c = Number((value as { confidence?: unknown }).confidence);
    return {
      output: (value as { output: unknown }).output,
      confidence: Number.isFinite(c) ? Math.min(1, Math.max(0, c)) : 1,
    };
  }
  return { output: value, confidence: 1 };
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  readonly options: PoolOptions;

  constructor(options: Partial<PoolOptions> = {}) {
    this.options = { size: 2, memoryMb: 64, deadlineMs: 100, ...options };
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./code-worker.js", import.meta.url), {
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, this.options.memoryMb / 8),
      },
    });
    worker.unref();
    const slot: Slot = { worker };
    worker.on("message", (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const job = slot.busy;
      if (!job || job.id !== m.id) return;
      this.finish(slot, m.ok ? { ok: true, answer: toAnswer(m.value) } : { ok: false, error: m.error ?? "failed" });
    });
    worker.on("error", (err: Error & { code?: string }) =>
      this.abandon(
        slot,
        err.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `memory limit of ${this.options.memoryMb} MB exceeded`
          : `worker failed: ${err.message}`,
      ),
    );
    worker.on("exit", (code) => {
      if (!this.closed && this.slots.includes(slot)) this.abandon(slot, `worker exited (code ${code})`);
    });
    return slot;
  }

  /** Terminates a worker that died or overran its deadline; its job (if any) fails with `error`. */
  private abandon(slot: Slot, error: string): void {
    const job = slot.busy;
    if (slot.timer) clearTimeout(slot.timer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.busy = undefined;
    void slot.worker.terminate();
    job?.resolve({ ok: false, error });
    this.pump();
  }

  private finish(slot: Slot, result: CallResult): void {
    const job = slot.busy;
    if (slot.timer) clearTimeout(slot.timer);
    slot.busy = undefined;
    job?.resolve(result);
    this.pump();
  }

  private pump(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.options.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift() as Pending;
      slot.busy = job;
      const s = slot;
      // The vm timeout fires first; this one catches what it cannot (a worker wedged in native code).
      s.timer = setTimeout(
        () => {
          if (s.busy === job) this.abandon(s, `deadline of ${job.deadlineMs} ms exceeded (worker terminated)`);
        },
        job.deadlineMs * 5 + 250,
      );
      s.worker.postMessage({
        id: job.id,
        key: job.key,
        source: job.source,
        input: job.input,
        deadlineMs: job.deadlineMs,
      });
    }
  }

  /**
   * A runner for one program: its source is hashed once here, not on every call (the key is how a
   * worker finds the program it already compiled).
   */
  program(source: string, deadlineMs = this.options.deadlineMs): (input: unknown) => Promise<CallResult> {
    const key = createHash("sha1").update(source).digest("hex").slice(0, 12);
    return (input) => {
      if (this.closed) return Promise.resolve({ ok: false, error: "worker pool is closed" });
      return new Promise((resolve) => {
        this.queue.push({ id: this.nextId++, key, source, input, deadlineMs, resolve });
        this.pump();
      });
    };
  }

  run(source: string, input: unknown, deadlineMs?: number): Promise<CallResult> {
    return this.program(source, deadlineMs)(input);
  }

  runBatch(source: string, inputs: unknown[], deadlineMs?: number): Promise<CallResult[]> {
    const run = this.program(source, deadlineMs);
    return Promise.all(inputs.map((x) => run(x)));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, error: "worker pool closed" });
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}
