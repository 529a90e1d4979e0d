/**
 * Running child processes for the tests and benchmarks that run compiled programs beside a referee:
 * one asynchronous spawn with a time limit that keeps stdout and stderr as bytes, and a small pool
 * that bounds how many such processes run at once (compilers and programs are CPU-bound).
 */

import { spawn } from "node:child_process";

export interface ProcessResult {
  /** Exit status, or null when the process was killed by a signal or could not start. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
  /** The time limit was reached and the process was killed. */
  timedOut: boolean;
  /** Why the process could not start (ENOENT...), or null. */
  startError: string | null;
  /** Wall-clock seconds from spawn to exit. */
  seconds: number;
}

export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process (SIGKILL) after this many milliseconds; default 60 000. */
  timeoutMs?: number;
  /** Written to stdin, which is then closed; stdin is empty otherwise. */
  input?: string | Buffer;
  /** Output beyond this many bytes per stream is dropped; default 64 MiB. */
  maxBytes?: number;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve) => {
    const start = performance.now();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let startError: string | null = null;
    let settled = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      if (outBytes < maxBytes) out.push(chunk);
      outBytes += chunk.length;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (errBytes < maxBytes) err.push(chunk);
      errBytes += chunk.length;
    });
    const finish = (status: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err),
        timedOut,
        startError,
        seconds: (performance.now() - start) / 1000,
      });
    };
    child.on("error", (e) => {
      startError = e.message;
      finish(null, null);
    });
    child.on("close", (status, signal) => finish(status, signal));
    child.stdin.on("error", () => {}); // a program that exits without reading its input
    child.stdin.end(options.input ?? "");
  });
}

/** How a process ended, for messages: "exit status 1", "killed by SIGSEGV", "timed out after 20 s"... */
export function describeEnd(result: ProcessResult, timeoutMs?: number): string {
  if (result.startError !== null) return `could not start: ${result.startError}`;
  if (result.timedOut) return timeoutMs ? `timed out after ${timeoutMs / 1000} s` : "timed out";
  if (result.signal !== null) return `killed by ${result.signal}`;
  return `exit status ${result.status}`;
}

/** Runs tasks with at most `limit` of them in progress at once, in the order they were submitted. */
export function createPool(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiting task, so a newcomer cannot take it first.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
