/**
 * The CPython referee: runs ONE python3 process for a batch of inputs and reports, per input, what
 * CPython 3.11 makes of it — `ast.dump(ast.parse(src), include_attributes=...)`, or the SyntaxError
 * (or other exception) `ast.parse` raised. Shared by the tests and by scripts/check-parser.ts.
 *
 * Files are read by Python as bytes and parsed with `ast.parse(bytes)`, so BOM and PEP 263 coding
 * cookies are handled by CPython itself. Sources given as JS strings are parsed as `ast.parse(str)`
 * (no cookie handling, like `parseModule(source)`); raw bytes can be given too.
 *
 * Protocol: a JSON request on stdin, one JSON object per input on stdout (JSON Lines, in input
 * order). `ensure_ascii` keeps lone surrogates and every other character lossless.
 */

import { spawn, spawnSync } from "node:child_process";
import { type Dirent, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** What to feed CPython: a file it reads as bytes, a decoded source string, or raw bytes. */
export type RefereeInput = { path: string } | { source: string } | { bytes: Uint8Array };

/** "attributes": dump with positions; "plain": dump without; "none": only parse (accept/reject). */
export type RefereeMode = "attributes" | "plain" | "none";

/** CPython's exception from `ast.parse`, with SyntaxError's position fields (null when absent). */
export interface CPythonError {
  /** Exception class name: SyntaxError, IndentationError, TabError, ValueError, RecursionError... */
  kind: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
  endLineno: number | null;
  endOffset: number | null;
  text: string | null;
}

export type RefereeResult =
  /** CPython parsed it. `dump` is null in mode "none". */
  | { status: "ok"; dump: string | null }
  /** `ast.parse` raised: CPython rejects this input. */
  | { status: "rejected"; error: CPythonError }
  /** The referee itself failed on this input (unreadable file, RecursionError in ast.dump...). */
  | { status: "referee-error"; kind: string; msg: string };

export interface RefereeOptions {
  /** Default "attributes". */
  mode?: RefereeMode;
  /** Default: $PYCOMPILE_PYTHON or "python3". */
  python?: string;
}

// Parsing happens at the default recursion limit (in 3.11 it bounds what ast.parse accepts);
// only ast.dump, which is recursive Python, gets a higher limit, in a thread with a large stack.
const REFEREE_PY = String.raw`
import ast, base64, json, sys, threading, warnings

# Warnings (SyntaxWarning, DeprecationWarning) never change the tree; keep stderr quiet.
warnings.simplefilter("ignore")

def handle(item, mode):
    try:
        if "path" in item:
            with open(item["path"], "rb") as f:
                src = f.read()
        elif "base64" in item:
            src = base64.b64decode(item["base64"])
        else:
            src = item["source"]
    except Exception as e:
        return {"status": "referee-error", "kind": type(e).__name__, "msg": str(e)}
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        return {"status": "rejected", "error": {
            "kind": type(e).__name__, "msg": str(e.msg), "lineno": e.lineno, "offset": e.offset,
            "endLineno": e.end_lineno, "endOffset": e.end_offset,
            "text": e.text if isinstance(e.text, str) else None}}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:
        return {"status": "rejected", "error": {
            "kind": type(e).__name__, "msg": str(e), "lineno": None, "offset": None,
            "endLineno": None, "endOffset": None, "text": None}}
    if mode == "none":
        return {"status": "ok", "dump": None}
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 100000))
    try:
        return {"status": "ok", "dump": ast.dump(tree, include_attributes=(mode == "attributes"))}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:
        return {"status": "referee-error", "kind": type(e).__name__, "msg": "in ast.dump: " + str(e)[:500]}
    finally:
        sys.setrecursionlimit(old)

def main():
    req = json.loads(sys.stdin.buffer.read())
    mode = req["mode"]
    out = sys.stdout.buffer
    for item in req["items"]:
        res = handle(item, mode)
        out.write(json.dumps(res, ensure_ascii=True).encode("ascii"))
        out.write(b"\n")
    out.flush()

failure = []
def run():
    try:
        main()
    except BaseException as e:
        failure.append(e)
        raise

try:
    threading.stack_size(512 * 1024 * 1024)
except (ValueError, RuntimeError):
    pass
t = threading.Thread(target=run)
t.start()
t.join()
sys.exit(1 if failure else 0)
`;

export function pythonExecutable(): string {
  return process.env.PYCOMPILE_PYTHON || "python3";
}

function encodeRequest(inputs: readonly RefereeInput[], mode: RefereeMode): string {
  const items = inputs.map((input) => {
    if ("path" in input) return { path: input.path };
    if ("source" in input) return { source: input.source };
    return {
      base64: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString("base64"),
    };
  });
  return JSON.stringify({ mode, items });
}

function decodeResponse(stdout: Buffer, expected: number): RefereeResult[] {
  const results: RefereeResult[] = [];
  let start = 0;
  while (start < stdout.length) {
    let end = stdout.indexOf(10, start);
    if (end < 0) end = stdout.length;
    if (end > start) results.push(JSON.parse(stdout.toString("latin1", start, end)) as RefereeResult);
    start = end + 1;
  }
  if (results.length !== expected) {
    throw new Error(`CPython referee returned ${results.length} results for ${expected} inputs`);
  }
  return results;
}

const PY_ARGS = ["-I", "-X", "utf8", "-c", REFEREE_PY];

/** Runs the referee synchronously (one python3 process for the whole batch). */
export function runRefereeSync(inputs: readonly RefereeInput[], options: RefereeOptions = {}): RefereeResult[] {
  const python = options.python ?? pythonExecutable();
  const proc = spawnSync(python, PY_ARGS, {
    input: encodeRequest(inputs, options.mode ?? "attributes"),
    maxBuffer: 1 << 30,
  });
  if (proc.error) throw new Error(`cannot run the CPython referee (${python}): ${proc.error.message}`);
  if (proc.status !== 0) {
    throw new Error(`CPython referee (${python}) exited with ${proc.status ?? proc.signal}: ${proc.stderr.toString()}`);
  }
  return decodeResponse(proc.stdout, inputs.length);
}

/** Runs the referee in the background (one python3 process for the whole batch). */
export function runReferee(inputs: readonly RefereeInput[], options: RefereeOptions = {}): Promise<RefereeResult[]> {
  const python = options.python ?? pythonExecutable();
  return new Promise((resolve, reject) => {
    const child = spawn(python, PY_ARGS, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (e) => reject(new Error(`cannot run the CPython referee (${python}): ${e.message}`)));
    child.on("close", (code, signal) => {
      if (code !== 0) {
        reject(
          new Error(`CPython referee (${python}) exited with ${code ?? signal}: ${Buffer.concat(err).toString()}`),
        );
        return;
      }
      try {
        resolve(decodeResponse(Buffer.concat(out), inputs.length));
      } catch (e) {
        reject(e);
      }
    });
    child.stdin.on("error", () => {}); // reported through "close" with a non-zero code
    child.stdin.end(encodeRequest(inputs, options.mode ?? "attributes"));
  });
}

/** `sysconfig.get_paths()['stdlib']` of the referee python. */
export function stdlibDir(python = pythonExecutable()): string {
  const proc = spawnSync(python, ["-I", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
    encoding: "utf8",
  });
  if (proc.error || proc.status !== 0) {
    throw new Error(`cannot ask ${python} for its stdlib directory: ${proc.error?.message ?? proc.stderr}`);
  }
  return proc.stdout.trim();
}

/** The referee's `sys.version`, for reports. */
export function pythonVersion(python = pythonExecutable()): string {
  const proc = spawnSync(python, ["-I", "-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  return proc.status === 0 ? proc.stdout.trim() : "unknown";
}

/**
 * Every .py file under `root` (symlinked directories not followed, like os.walk), as paths
 * relative to `root` with "/" separators, sorted by code unit. `exclude` names top-level entries to
 * skip (default: site-packages).
 */
export function listPyFiles(root: string, exclude: readonly string[] = ["site-packages"]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (dir === root && exclude.includes(entry.name)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".py")) files.push(relative(root, full).split(sep).join("/"));
    }
  };
  walk(root);
  return files.sort(compareCodeUnits);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shows a string excerpt on one line, escaping newlines so the excerpt stays readable. */
function excerpt(s: string, from: number, to: number): string {
  return JSON.stringify(s.slice(Math.max(0, from), Math.min(s.length, to))).slice(1, -1);
}

/**
 * Describes where two (possibly huge) dumps first differ: the position, about `context` characters
 * on each side from both strings, and, when the expected side is a dump with attributes, the
 * approximate source line (the next `lineno=` after the difference).
 */
export function describeMismatch(expected: string, actual: string, context = 200): string {
  const n = Math.min(expected.length, actual.length);
  let i = 0;
  while (i < n && expected.charCodeAt(i) === actual.charCodeAt(i)) i++;
  const lines = [
    `first difference at character ${i} (expected length ${expected.length}, actual length ${actual.length})`,
  ];
  const line = /lineno=(\d+)/.exec(expected.slice(i));
  if (line) lines.push(`near source line ${line[1]} (approximate: the next lineno= in CPython's dump)`);
  lines.push(`CPython: …${excerpt(expected, i - context, i)}⟦HERE⟧${excerpt(expected, i, i + context)}…`);
  lines.push(`ours:    …${excerpt(actual, i - context, i)}⟦HERE⟧${excerpt(actual, i, i + context)}…`);
  return lines.join("\n");
}

/** A one-line description of an exception thrown by our parser (PySyntaxError or a crash). */
export function describeThrown(e: unknown): string {
  if (e instanceof Error) {
    const f = e as Error & Partial<Record<"kind" | "msg" | "lineno" | "offset", unknown>>;
    if (typeof f.kind === "string" && typeof f.msg === "string") {
      return `${f.kind}: ${f.msg} (line ${String(f.lineno)}, offset ${String(f.offset)})`;
    }
    const frame = e.stack?.split("\n").find((l) => l.trimStart().startsWith("at "));
    return `${e.name}: ${e.message}${frame ? ` ${frame.trim()}` : ""}`;
  }
  return String(e);
}
