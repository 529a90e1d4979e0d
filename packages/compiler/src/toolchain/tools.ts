// Finding the external programs the back end runs: LLVM's `opt` and `llc` (14 or newer, the same
// version), the C compiler and `ar`; and running them with their failures reported as
// ToolchainError (the command and its stderr), never as a stack trace.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  accessSync,
  constants as fsConstants,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import type { Readable } from "node:stream";
import { defaultCacheDir } from "./runtime-archive.js";

/** A failure of the toolchain: a missing program or a program that failed. `message` says it all. */
export class ToolchainError extends Error {
  constructor(
    message: string,
    readonly command: readonly string[] | null = null,
    readonly stderr = "",
  ) {
    super(message);
    this.name = "ToolchainError";
  }
}

export interface Toolchain {
  readonly opt: string;
  readonly llc: string;
  /** The LLVM major version of both `opt` and `llc`. */
  readonly llvmVersion: number;
  /** The C compiler command (from CC, possibly with arguments, or `cc`). */
  readonly cc: readonly string[];
  /**
   * What the C compiler is told when it links: `-fuse-ld=gold` where binutils' gold is installed
   * (Debian's binutils has it). Linking an executable with the runtime and GMP takes gold 22 ms
   * against 40 ms for the default ld (median of 3), a tenth of what a build spends after LLVM.
   */
  readonly linkFlags: readonly string[];
  readonly ar: string;
}

export const MIN_LLVM_VERSION = 14;
const MAX_SUFFIX = 19;

const LLVM_INSTALL_HELP =
  "On Debian or Ubuntu install it with `sudo apt-get install llvm-14` (it provides opt-14 and llc-14). " +
  "Elsewhere install LLVM and put its bin directory on PATH, or set LLVM_BINDIR to that directory, " +
  "or LLVM_OPT and LLVM_LLC to the programs.";

type Environment = Readonly<Record<string, string | undefined>>;

/** Finds opt, llc, the C compiler and ar, or throws a ToolchainError saying how to install them. */
export function findToolchain(env: Environment = process.env): Toolchain {
  const opt = findLlvmTool("opt", env.LLVM_OPT, env, null);
  const llc = findLlvmTool("llc", env.LLVM_LLC, env, opt.version);
  const cc = (env.CC ?? "").trim() === "" ? ["cc"] : env.CC!.trim().split(/\s+/);
  if (which(cc[0]!, env) === null) {
    throw new ToolchainError(
      `The C compiler \`${cc[0]}\` was not found (it links the runtime into executables). ` +
        "On Debian or Ubuntu install one with `sudo apt-get install gcc`, or set CC.",
    );
  }
  const ar = (env.AR ?? "").trim() === "" ? "ar" : env.AR!.trim();
  if (which(ar, env) === null) {
    throw new ToolchainError(
      `\`${ar}\` was not found (it archives the runtime). On Debian or Ubuntu install it with ` +
        "`sudo apt-get install binutils`, or set AR.",
    );
  }
  const linkFlags = which("ld.gold", env) !== null ? ["-fuse-ld=gold"] : [];
  return { opt: opt.path, llc: llc.path, llvmVersion: opt.version, cc, linkFlags, ar };
}

interface FoundTool {
  readonly path: string;
  readonly version: number;
}

function findLlvmTool(name: "opt" | "llc", explicit: string | undefined, env: Environment, version: number | null) {
  const variable = name === "opt" ? "LLVM_OPT" : "LLVM_LLC";
  if (explicit !== undefined && explicit.trim() !== "") {
    const path = which(explicit.trim(), env);
    if (path === null) throw new ToolchainError(`${variable} is set to \`${explicit}\`, which was not found.`);
    const found = { path, version: llvmVersion(path, env) };
    checkVersion(found, name, version, `${variable}=${explicit}`);
    return found;
  }
  // Plain names first, then the versioned names Debian installs, newest first.
  const names: string[] = [name];
  for (let v = MAX_SUFFIX; v >= MIN_LLVM_VERSION; v--) names.push(`${name}-${v}`);
  const directory = env.LLVM_BINDIR?.trim();
  const candidates: string[] = [];
  for (const n of names) {
    const path = directory !== undefined && directory !== "" ? executable(join(directory, n)) : which(n, env);
    if (path !== null && !candidates.includes(path)) candidates.push(path);
  }
  const rejected: string[] = [];
  for (const path of candidates) {
    const found = { path, version: llvmVersion(path, env) };
    if (found.version >= MIN_LLVM_VERSION && (version === null || found.version === version)) return found;
    rejected.push(`${path} (LLVM ${found.version > 0 ? found.version : "of unknown version"})`);
  }
  const where = directory !== undefined && directory !== "" ? `in LLVM_BINDIR (${directory})` : "on PATH";
  const wanted = version === null ? `LLVM ${MIN_LLVM_VERSION} or newer` : `LLVM ${version}, the version of opt`;
  const seen = rejected.length > 0 ? ` Found only ${rejected.join(", ")}.` : "";
  throw new ToolchainError(
    `\`${name}\` from ${wanted} was not found ${where}; the native back end needs opt and llc.${seen} ${LLVM_INSTALL_HELP}`,
  );
}

function checkVersion(found: FoundTool, name: string, version: number | null, origin: string): void {
  if (found.version < MIN_LLVM_VERSION) {
    throw new ToolchainError(
      `${origin}: ${name} is LLVM ${found.version > 0 ? found.version : "of unknown version"}; LLVM ${MIN_LLVM_VERSION} or newer is needed. ${LLVM_INSTALL_HELP}`,
    );
  }
  if (version !== null && found.version !== version) {
    throw new ToolchainError(
      `${origin}: ${name} is LLVM ${found.version} but opt is LLVM ${version}; use one version.`,
    );
  }
}

/**
 * The major version `<tool> --version` reports, or 0. Asking costs a process start (some 20 ms, a
 * tenth of a small build), so the answer is kept in the cache directory, keyed by the program's real
 * path, size and modification time: an upgraded LLVM is asked again.
 */
function llvmVersion(path: string, env: Environment): number {
  let key: string | null = null;
  const cacheFile = join(defaultCacheDir(env), "llvm-versions.json");
  let cache: Record<string, number> = {};
  try {
    const real = realpathSync(path);
    const { size, mtimeMs } = statSync(real);
    key = `${real}\0${size}\0${mtimeMs}`;
    cache = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, number>;
    const known = cache[key];
    if (typeof known === "number") return known;
  } catch {
    // No cache yet, or an unreadable one: ask the program.
  }
  const result = spawnSync(path, ["--version"], { encoding: "utf8" });
  const match = /LLVM version (\d+)/.exec(`${result.stdout ?? ""}${result.stderr ?? ""}`);
  const version = match === null ? 0 : Number(match[1]);
  if (key !== null && version > 0) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify({ ...cache, [key]: version }));
      renameSync(temporary, cacheFile);
    } catch {
      // A cache that cannot be written only costs the next build the same question.
    }
  }
  return version;
}

function executable(path: string): string | null {
  try {
    accessSync(path, fsConstants.X_OK);
    return path;
  } catch {
    return null;
  }
}

/** The path of a program named on PATH, or the program itself if it is a path. */
export function which(program: string, env: Environment = process.env): string | null {
  if (program.includes("/")) return executable(isAbsolute(program) ? program : join(process.cwd(), program));
  for (const directory of (env.PATH ?? "").split(delimiter)) {
    if (directory === "") continue;
    const found = executable(join(directory, program));
    if (found !== null) return found;
  }
  return null;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a tool; a failure (spawn error, signal, non-zero status) is a ToolchainError. */
export function runTool(command: readonly string[], what: string): Promise<RunResult> {
  return startTool(command, what, "ignore").done;
}

export interface StartedTool {
  readonly child: ChildProcess;
  /** Settles when the tool exits: its output, or a ToolchainError naming the command. */
  readonly done: Promise<RunResult>;
}

/**
 * Starts a tool whose input comes later: `stdin` is "ignore", "pipe" (written by the caller) or
 * another tool's output stream. With `binaryStdout` the standard output is left as a stream for the
 * next tool instead of being collected.
 */
export function startTool(
  command: readonly string[],
  what: string,
  stdin: "ignore" | "pipe" | Readable,
  binaryStdout = false,
): StartedTool {
  const child = spawn(command[0]!, command.slice(1), { stdio: [stdin, "pipe", "pipe"] });
  const done = new Promise<RunResult>((resolve, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    if (!binaryStdout) child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => {
      reject(new ToolchainError(`${what} could not be started: ${error.message}\n  $ ${shellLine(command)}`, command));
    });
    child.on("close", (status, signal) => {
      const out = Buffer.concat(stdout).toString("utf8");
      const err = Buffer.concat(stderr).toString("utf8");
      if (status === 0) {
        resolve({ stdout: out, stderr: err });
        return;
      }
      const how = signal !== null ? `was killed by ${signal}` : `failed with exit status ${status}`;
      const details = err.trim() !== "" ? `\n${err.trimEnd()}` : "";
      reject(new ToolchainError(`${what} ${how}:\n  $ ${shellLine(command)}${details}`, command, err));
    });
  });
  // A failure is reported by whoever awaits `done`; until then it must not count as unhandled.
  done.catch(() => {});
  return { child, done };
}

export function shellLine(command: readonly string[]): string {
  return command.map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, "'\\''")}'`)).join(" ");
}
