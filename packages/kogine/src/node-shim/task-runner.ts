/** The process that runs one JS/TS task: loads its config, injects it into the script, finds and calls the
 * entrypoint, and writes the outcome where the spec says. It is started before its task is known (kogine
 * keeps one ready per worker slot, so Node's start-up overlaps the running task) and waits for its task on
 * fd 3 (task-message.ts). A task sent while the one before it in the slot still runs gets as far as it can
 * without running code of its own, then waits for its turn. A message-less end of fd 3 means the spare is
 * not needed: it exits at once. */
import { closeSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { coerceToDefault } from "../coerce-value.js";
import { Config } from "../config.js";
import { loadConfigModule } from "../config-module.js";
import { describeConfig } from "../display-value.js";
import { parseExtendedJson, stringifyExtendedJson } from "../extended-json.js";
import { storableValue } from "../json-value.js";
import { closestName } from "../similar-name.js";
import { TaskFailure } from "../task-failure.js";
import type { TaskOutcome, TaskSpec } from "../task-spec.js";
import { LOCAL_EXPORT_PREFIX } from "./local-exports.js";
import { registerKogineHooks } from "./register-hooks.js";
import { isMarkedEntrypoint } from "./script-api.js";
import { type TaskMessage, TURN } from "./task-message.js";

type AnyFunction = (...args: unknown[]) => unknown;

interface KogineGlobal {
  marked: AnyFunction[];
  context: TaskSpec["context"];
  guardEntry: string | null;
  value(name: string, defaultValue: (() => unknown) | undefined): unknown;
  declare(boundNames: string[], guardEntry: string | null): void;
}

async function runTask(spec: TaskSpec, message: TaskMessage): Promise<TaskOutcome> {
  const { preparedUrl } = message;
  const scriptUrl = pathToFileURL(spec.script).href;
  if (preparedUrl === null) registerKogineHooks({ scriptUrl, extraExports: spec.entrypoint ? [spec.entrypoint] : [] });
  if (message.turn === "config") awaitTurn();
  const workerId = Number(process.env.KOGINE_WORKER_ID ?? 0);
  const config = await configForTask(spec, workerId);
  const overrides: Record<string, unknown> = { ...config.globals, ...spec.overrides };
  const resolved: Record<string, unknown> = {};
  const state: KogineGlobal = {
    marked: [],
    context: spec.context,
    guardEntry: null,
    value(name, defaultValue) {
      if (!(name in overrides)) return defaultValue?.();
      if (!(name in resolved))
        resolved[name] = coerceToDefault(name, overrides[name], defaultValue ?? (() => undefined));
      return resolved[name];
    },
    declare(boundNames, guardEntry) {
      awaitTurn(); // the first thing the script runs
      state.guardEntry = guardEntry;
      const unknown = Object.keys(overrides).filter((k) => !boundNames.includes(k));
      if (spec.strict && unknown.length > 0) {
        const lines = unknown.map((k) => `\n  ${k}${suggestion(k, boundNames)}`).join("");
        throw new TaskFailure("unknown-key", `--strict: config keys not defined by ${spec.script}:${lines}`);
      }
      for (const key of unknown) (globalThis as Record<string, unknown>)[key] = state.value(key, undefined);
    },
  };
  (globalThis as { __kogine__?: KogineGlobal }).__kogine__ = state;
  const ns = (await import(preparedUrl ?? scriptUrl)) as Record<string, unknown>;
  const [name, fn] = findEntrypoint(ns, state, spec);
  const { args, kwargs } = checkArguments(name, fn, config, spec.lenient);
  const callArgs = Object.keys(kwargs).length > 0 ? [...args, kwargs] : args;
  const { value, warnings } = storableValue(await fn(...callArgs));
  for (const warning of warnings)
    process.stderr.write(`kogine: warning: the return value of ${name}() has ${warning}\n`);
  const applied = new Config({ ...config, globals: { ...overrides, ...resolved }, args, kwargs });
  return { ok: true, value, entrypoint: name, config: describeConfig(applied) };
}

async function configForTask(spec: TaskSpec, workerId: number): Promise<Config> {
  if (!spec.config) return new Config();
  if (spec.config.kind === "values") return new Config(spec.config.values);
  const configs = await loadConfigModule(spec.config.path, { ...spec.context, workerId });
  const picked = configs[spec.config.index];
  if (!picked) {
    throw new TaskFailure(
      "config",
      `${spec.config.path} now yields ${configs.length} configs; task wanted config ${spec.config.index}`,
    );
  }
  return picked;
}

function findEntrypoint(ns: Record<string, unknown>, state: KogineGlobal, spec: TaskSpec): [string, AnyFunction] {
  const lookup = (name: string) => {
    const value = ns[name] ?? ns[`${LOCAL_EXPORT_PREFIX}${name}`];
    return typeof value === "function" ? (value as AnyFunction) : null;
  };
  if (spec.entrypoint) {
    const fn = lookup(spec.entrypoint);
    if (fn) return [spec.entrypoint, fn];
    throw new TaskFailure(
      "no-entrypoint",
      `entrypoint "${spec.entrypoint}" is not a function declared at the top level of ${spec.script}`,
    );
  }
  const marked = state.marked[0] ?? Object.values(ns).find(isMarkedEntrypoint);
  if (marked) {
    const exported = Object.keys(ns).find((key) => ns[key] === marked && !key.startsWith(LOCAL_EXPORT_PREFIX));
    return [exported ?? ((marked as AnyFunction).name || "entrypoint"), marked as AnyFunction];
  }
  for (const name of [state.guardEntry, "main", "run"]) {
    const fn = name ? lookup(name) : null;
    if (name && fn) return [name, fn];
  }
  throw new TaskFailure(
    "no-entrypoint",
    `no entrypoint found in ${spec.script}: it marks no function with entrypoint() from "kogine", its main guard ` +
      "(import.meta.url / process.argv[1]) calls no top-level function, and it declares no function named main " +
      "or run. Name one with --entrypoint NAME or SCRIPT:NAME.",
  );
}

/** JS has no keyword arguments: `kwargs` arrive as a last object argument. When that parameter is a
 * destructuring pattern, its keys are the keywords the function accepts. */
function checkArguments(name: string, fn: AnyFunction, config: Config, lenient: boolean) {
  const kwargs = { ...config.kwargs };
  const accepted = destructuredKeys(fn);
  if (accepted !== null && Object.keys(kwargs).length > 0) {
    const unknown = Object.keys(kwargs).filter((k) => !accepted.includes(k));
    if (unknown.length > 0 && !lenient) {
      const lines = unknown.map((k) => `\n  ${k}${suggestion(k, accepted)}`).join("");
      throw new TaskFailure(
        "bad-arguments",
        `${name}() does not accept keyword argument(s) ${unknown.join(", ")}:${lines}\n(--lenient drops them)`,
      );
    }
    for (const key of unknown) delete kwargs[key];
  }
  return { args: config.args, kwargs };
}

function destructuredKeys(fn: AnyFunction): string[] | null {
  const match = /\(\s*\{([^}]*)\}\s*(?:=\s*\{\s*\})?\s*\)/.exec(Function.prototype.toString.call(fn).split("{\n")[0]);
  if (!match || match[1].includes("...")) return null;
  return match[1]
    .split(",")
    .map((part) => part.split(/[:=]/)[0].trim())
    .filter(Boolean);
}

function suggestion(name: string, candidates: string[]): string {
  const best = closestName(name, candidates);
  return best ? ` (did you mean "${best}"?)` : "";
}

/** Bytes of fd 3 read past the message: the turn, when it came with it. */
let unread = Buffer.alloc(0);
let turnAwaited = true;

/** The spare has nothing else to do until its task arrives, so it blocks on fd 3 (a blocking socket: libuv
 * makes only kogine's end non-blocking): a synchronous read needs none of the stream machinery (node:net) an
 * asynchronous one loads, some 10 ms of a task's start-up. The message is one line; the task starts as soon
 * as it is whole. */
function readMessage(): TaskMessage | null {
  const newline = readUntil((bytes) => bytes.indexOf(0x0a));
  const text = unread.subarray(0, newline).toString("utf8");
  unread = unread.subarray(newline + 1);
  const message = text ? (JSON.parse(text) as TaskMessage) : null;
  turnAwaited = !message?.turn;
  if (turnAwaited) closeSync(3);
  // Ctrl-C on a terminal reaches the whole process group: until its turn, it is the running task's, and
  // kogine cancels the tasks still waiting.
  else process.on("SIGINT", notYetOurs);
  return message;
}

function notYetOurs(): void {}

/** Blocks until the task's turn comes (see TaskMessage.turn); a task cancelled before it never runs. */
function awaitTurn(): void {
  if (turnAwaited) return;
  turnAwaited = true;
  const at = readUntil((bytes) => (bytes.length > 0 ? 0 : -1));
  closeSync(3);
  if (unread.subarray(at, at + 1).toString() !== TURN) process.exit(0);
  process.off("SIGINT", notYetOurs);
}

/** Reads fd 3 into `unread` until `find` finds its place there (or the channel ends): that place. */
function readUntil(find: (bytes: Buffer) => number): number {
  for (let at = find(unread); ; at = find(unread)) {
    if (at !== -1) return at;
    const chunk = Buffer.allocUnsafe(65536);
    const length = readSync(3, chunk);
    if (length === 0) return unread.length;
    unread = Buffer.concat([unread, chunk.subarray(0, length)]);
  }
}

async function main(): Promise<number> {
  const message = readMessage();
  if (!message) return 0;
  Object.assign(process.env, message.env);
  if (message.cwd !== process.cwd()) process.chdir(message.cwd);
  const spec = parseExtendedJson(readFileSync(message.taskFile, "utf8")) as TaskSpec;
  // What --enable-source-maps did when TS task processes were started knowing their script.
  if (/\.(m?ts|tsx)$/.test(spec.script)) process.setSourceMapsEnabled(true);
  let outcome: TaskOutcome;
  try {
    outcome = await runTask(spec, message);
  } catch (error) {
    awaitTurn(); // a task that failed before its turn reports it on its turn
    if (error instanceof TaskFailure) {
      process.stderr.write(`kogine: ${error.message}\n`);
      outcome = { ok: false, kind: error.kind, message: error.message };
    } else if (error instanceof SyntaxError && /^file:/.test(String((error as { url?: string }).url ?? ""))) {
      outcome = { ok: false, kind: "syntax", message: `syntax error: ${error.message}` };
    } else {
      const traceback = error instanceof Error ? scriptStack(error) : String(error);
      process.stderr.write(`${traceback}\n`);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${String(error)}`;
      outcome = { ok: false, kind: "exception", message, traceback };
    }
  }
  awaitTurn(); // (the script's first statement waited for it already)
  writeFileSync(spec.resultFile, stringifyExtendedJson(outcome));
  reportExitEarly(message.exitFile);
  return outcome.ok ? 0 : outcome.kind === "no-entrypoint" ? 2 : 1;
}

/** Where kogine's own modules are: their frames in a task's stack are the machinery that called the script. */
const KOGINE_CODE = new URL("../", import.meta.url).href;
/** The injection rewrite's first statement, on the script's first line (see inject-transform.ts). */
const PROLOGUE = /^globalThis\.__kogine__\?\.declare\(.*?\);/;

/** The error's stack as Node would show it for the script run directly: without kogine's frames, and with
 * a quoted first line of the script (a syntax or link error's) without the injection's prologue. */
function scriptStack(error: Error): string {
  const lines = (error.stack ?? String(error)).split("\n");
  const shown: string[] = [];
  let cut = 0;
  for (const line of lines) {
    if (/^\s+at /.test(line) && line.includes(KOGINE_CODE)) continue;
    const prologue = PROLOGUE.exec(line);
    if (prologue) cut = prologue[0].length;
    else if (cut > 0 && /^ *\^+ *$/.test(line)) {
      shown.push(line.slice(cut));
      cut = 0;
      continue;
    }
    shown.push(prologue ? line.slice(cut) : line);
  }
  return shown.join("\n");
}

/** Tells kogine the task is over before Node tears the process down (some milliseconds, which the slot's
 * next task need not wait for). Once the last exit listener has run, nothing of the task's can run or print
 * any more, so the exit status is final: it is written to `exitFile`, and stdout and stderr are closed,
 * whose ends kogine takes as the signal. An exit listener the task adds after this one keeps the usual end:
 * kogine then waits for the process to exit. */
function reportExitEarly(exitFile: string): void {
  const listener = () => {
    const listeners = process.listeners("exit");
    if (listeners[listeners.length - 1] !== listener) return;
    writeFileSync(exitFile, String(Number(process.exitCode ?? 0)));
    closeSync(1);
    closeSync(2);
  };
  process.on("exit", listener);
}

process.exitCode = await main();
