import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { constants as osConstants } from "node:os";
import { basename, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  type Diagnostic,
  type EmitKind,
  type Module as IrModule,
  type OptLevel,
  optimizeModule,
  printModule,
  renderDiagnostic,
  shouldUseColor,
  ToolchainError,
} from "@toolchain/compiler";
import { Command, CommanderError } from "commander";
import type { Module } from "./ast.js";
import { cachedExecutablePath, isCached } from "./build-cache.js";
import { buildIrModule, type PythonBuildOptions, startPythonBuild } from "./build-python.js";
import { compileToIr } from "./compile-to-ir.js";
import { dumpAst } from "./dump.js";
import { parseModule } from "./parser.js";
import { SemanticError, semanticDiagnostic } from "./semantic-error.js";
import { decodeSource } from "./source-decoding.js";
import { syntaxErrorDiagnostic } from "./syntax-diagnostic.js";
import { PySyntaxError } from "./syntax-error.js";

/**
 * Exit statuses, as documented in the README: 0 success; 1 a user error (bad usage, unreadable file,
 * syntax error in the input); 2 an internal error, i.e. a bug in pycompile.
 */
const EXIT_OK = 0;
const EXIT_USER_ERROR = 1;
const EXIT_INTERNAL_ERROR = 2;

/** The `pycompile` command line. Never throws; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  ignoreBrokenStdout();
  let status = EXIT_OK;
  const raise = (to: number): void => {
    status = Math.max(status, to);
  };
  const debugRequested = argv.includes("--debug");

  const program = new Command("pycompile")
    .enablePositionalOptions()
    .description("Compile Python to standalone native executables that print exactly what CPython prints.")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .version(readVersion(), "-V, --version", "print the version and exit")
    .helpOption("-h, --help", "print help and exit")
    .option("--debug", "show a stack trace for internal errors");

  program
    .command("ast")
    .description("print each file's AST in the format of CPython's ast.dump(), one line per file")
    .argument("<file...>", "Python source files")
    .option("--attributes", "include positions (ast.dump's include_attributes=True)")
    .action((files: string[], options: { attributes?: boolean }) => {
      for (const file of files) {
        const outcome = parseFile(file, debugRequested);
        if (outcome.kind === "parsed") {
          writeOut(`${dumpAst(outcome.module, options.attributes === true)}\n`);
        } else if (outcome.kind === "syntax-error") {
          const e = outcome.error;
          writeOut(`SyntaxError: ${file}:${e.lineno}:${e.offset}: ${e.msg}\n`);
          raise(EXIT_USER_ERROR);
        } else {
          raise(outcome.status);
        }
      }
    });

  program
    .command("build")
    .description("compile a Python file to a standalone native executable")
    .argument("<file>", "Python source file")
    .option("-o, --output <path>", "where to write the result (default: the file's name without .py)")
    .option("-O, --opt-level <level>", "optimisation level, 0 to 3 (-O0 ... -O3)", "2")
    .option("--emit <kind>", "what to write: llvm, asm, obj or exe", "exe")
    .option("--timings", "print how long each compilation phase took, on stderr")
    .action(async (file: string, options: { output?: string; optLevel: string; emit: string; timings?: boolean }) => {
      const flags = parseBuildFlags(options.optLevel, options.emit);
      if (typeof flags === "string") {
        writeErr(`pycompile: ${flags}\n`);
        raise(EXIT_USER_ERROR);
        return;
      }
      const output = options.output ?? defaultOutput(file, flags.emit);
      raise(await buildFile(file, { output, ...flags }, options.timings === true, debugRequested));
    });

  program
    .command("run")
    .description("compile a Python file (cached by content) and run it with the given arguments")
    .argument("<file>", "Python source file")
    .argument("[args...]", "arguments for the program (its sys.argv[1:])")
    .option("-O, --opt-level <level>", "optimisation level, 0 to 3", "2")
    .option(
      "--check-leaks",
      "report on stderr, at exit, every object still allocated (TOOLCHAIN_CHECK_LEAKS=1): 0 for a sound program",
    )
    .passThroughOptions()
    .action(async (file: string, args: string[], options: { optLevel: string; checkLeaks?: boolean }) => {
      const flags = parseBuildFlags(options.optLevel, "exe");
      if (typeof flags === "string") {
        writeErr(`pycompile: ${flags}\n`);
        raise(EXIT_USER_ERROR);
        return;
      }
      raise(await runFile(file, args, flags.optLevel, debugRequested, options.checkLeaks === true));
    });

  program
    .command("ir")
    .description("print the typed SSA IR the compiler makes of a Python file")
    .argument("<file>", "Python source file")
    .option("--no-optimize", "print the IR as lowered, before the IR passes")
    .action((file: string, options: { optimize: boolean }) => {
      const outcome = compileFile(file, debugRequested);
      if (outcome.kind === "compiled") {
        if (options.optimize) optimizeModule(outcome.module);
        writeOut(printModule(outcome.module));
      } else if (outcome.kind === "error") {
        writeErr(renderError(outcome, shouldUseColor(process.stderr)));
        raise(EXIT_USER_ERROR);
      } else {
        raise(outcome.status);
      }
    });

  program
    .command("check")
    .description("compile each file as far as the IR and report its errors with the source underlined")
    .argument("<file...>", "Python source files")
    .option("--verbose", "also report each file that parses")
    .action((files: string[], options: { verbose?: boolean }) => {
      const color = shouldUseColor(process.stderr);
      let failed = 0;
      for (const file of files) {
        const outcome = compileFile(file, debugRequested);
        if (outcome.kind === "compiled") {
          if (options.verbose === true) writeOut(`${file}: ok\n`);
          continue;
        }
        failed++;
        if (outcome.kind === "error") {
          // A blank line between diagnostics, as rustc.
          writeErr(failed > 1 ? `\n${renderError(outcome, color)}` : renderError(outcome, color));
          raise(EXIT_USER_ERROR);
        } else {
          raise(outcome.status);
        }
      }
      if (options.verbose === true) {
        writeOut(`checked ${plural(files.length, "file")}: ${failed === 0 ? "no errors" : `${failed} with errors`}\n`);
      }
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed help, the version or its error message.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USER_ERROR;
    }
    reportInternalError(error, undefined, debugRequested);
    return EXIT_INTERNAL_ERROR;
  }
  return status;
}

type ParseOutcome =
  | { kind: "parsed"; module: Module; source: string }
  | { kind: "syntax-error"; error: PySyntaxError; source: string }
  | { kind: "failed"; status: number };

/** Reads, decodes and parses one file; reports read failures and internal errors on stderr itself. */
function parseFile(file: string, debug: boolean): ParseOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    writeErr(`pycompile: cannot read '${file}': ${osReason(error)}\n`);
    return { kind: "failed", status: EXIT_USER_ERROR };
  }
  let source: string | undefined;
  try {
    const text = decodeSource(bytes, file);
    source = text;
    return { kind: "parsed", module: parseModule(text, file), source: text };
  } catch (error) {
    if (error instanceof PySyntaxError) {
      // An undecodable file still gets its lines shown, with replacement characters where needed.
      return { kind: "syntax-error", error, source: source ?? new TextDecoder("utf-8").decode(bytes) };
    }
    reportInternalError(error, file, debug);
    return { kind: "failed", status: EXIT_INTERNAL_ERROR };
  }
}

type CompileOutcome =
  | { kind: "compiled"; module: IrModule; source: string }
  | { kind: "error"; diagnostic: Diagnostic; source: string }
  | { kind: "failed"; status: number };

/** Runs the front end on one file: parse, check the subset, resolve names, infer types, lower. */
function compileFile(file: string, debug: boolean): CompileOutcome {
  const parsed = parseFile(file, debug);
  if (parsed.kind === "failed") return parsed;
  if (parsed.kind === "syntax-error") {
    return { kind: "error", diagnostic: syntaxErrorDiagnostic(parsed.error), source: parsed.source };
  }
  try {
    return { kind: "compiled", module: compileToIr(parsed.source, file), source: parsed.source };
  } catch (error) {
    if (error instanceof SemanticError) {
      return { kind: "error", diagnostic: semanticDiagnostic(error, file, parsed.source), source: parsed.source };
    }
    reportInternalError(error, file, debug);
    return { kind: "failed", status: EXIT_INTERNAL_ERROR };
  }
}

function parseBuildFlags(level: string, emit: string): { optLevel: OptLevel; emit: EmitKind } | string {
  if (!/^[0-3]$/.test(level)) return `invalid optimisation level '${level}' (expected 0, 1, 2 or 3)`;
  if (!["llvm", "asm", "obj", "exe"].includes(emit)) return `invalid --emit '${emit}' (expected llvm, asm, obj or exe)`;
  return { optLevel: Number(level) as OptLevel, emit: emit as EmitKind };
}

function defaultOutput(file: string, emit: EmitKind): string {
  const stem = basename(file).replace(/\.py$/, "");
  return join(dirname(file), emit === "exe" ? stem : `${stem}.${EMIT_EXTENSIONS[emit]}`);
}

const EMIT_EXTENSIONS: Record<EmitKind, string> = { llvm: "ll", asm: "s", obj: "o", exe: "" };

/** Compiles `file` to `options.output`; returns the exit status (diagnostics already printed). */
async function buildFile(
  file: string,
  options: PythonBuildOptions,
  showTimings: boolean,
  debug: boolean,
): Promise<number> {
  const started = performance.now();
  // The LLVM tools start now and load while the front end runs.
  const pending = startPythonBuild(options);
  const outcome = compileFile(file, debug);
  if (outcome.kind !== "compiled") pending.cancel();
  if (outcome.kind === "failed") return outcome.status;
  if (outcome.kind === "error") {
    writeErr(renderError(outcome, shouldUseColor(process.stderr)));
    return EXIT_USER_ERROR;
  }
  try {
    const frontEndMs = performance.now() - started;
    const timings = await buildIrModule(outcome.module, outcome.source, options, frontEndMs, pending);
    if (showTimings) {
      const parts = Object.entries(timings).map(([phase, ms]) => `${phase} ${ms.toFixed(1)} ms`);
      writeErr(`pycompile: ${parts.join(", ")}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    // The tools started ahead must not keep the process alive.
    pending.cancel();
    if (error instanceof ToolchainError) {
      writeErr(`error: ${error.message}\n`);
      return EXIT_USER_ERROR;
    }
    reportInternalError(error, file, debug);
    return EXIT_INTERNAL_ERROR;
  }
}

/** Builds into the cache unless an identical build is there, then runs it; returns its exit status. */
async function runFile(
  file: string,
  args: readonly string[],
  optLevel: OptLevel,
  debug: boolean,
  checkLeaks: boolean,
): Promise<number> {
  let source: Uint8Array;
  try {
    source = readFileSync(file);
  } catch (error) {
    writeErr(`pycompile: cannot read '${file}': ${osReason(error)}\n`);
    return EXIT_USER_ERROR;
  }
  const executable = cachedExecutablePath(source, [`-O${optLevel}`, file]);
  if (!isCached(executable)) {
    mkdirSync(dirname(executable), { recursive: true });
    const partial = `${executable}.${process.pid}.partial`;
    const status = await buildFile(file, { output: partial, optLevel, emit: "exe" }, false, debug);
    if (status !== EXIT_OK) return status;
    renameSync(partial, executable);
  }
  return runExecutable(executable, args, checkLeaks);
}

/** Runs a program with the terminal's streams; its exit status becomes ours (128 + n for signal n). */
function runExecutable(path: string, args: readonly string[], checkLeaks: boolean): Promise<number> {
  return new Promise((resolve) => {
    const env = checkLeaks ? { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" } : process.env;
    const child = spawn(path, args, { stdio: "inherit", env });
    child.on("error", (error) => {
      writeErr(`pycompile: cannot run '${path}': ${error.message}\n`);
      resolve(EXIT_USER_ERROR);
    });
    child.on("exit", (code, signal) => {
      resolve(code ?? 128 + (signal === null ? 0 : (osConstants.signals[signal] ?? 0)));
    });
  });
}

function renderError(outcome: { diagnostic: Diagnostic; source: string }, color: boolean): string {
  const { diagnostic, source } = outcome;
  return renderDiagnostic(diagnostic, (name) => (name === diagnostic.primary.file ? source : undefined), { color });
}

function reportInternalError(error: unknown, file: string | undefined, debug: boolean): void {
  const where = file === undefined ? "" : ` while parsing '${file}'`;
  const message = error instanceof Error ? error.message : String(error);
  if (debug) {
    const stack = error instanceof Error && error.stack !== undefined ? error.stack : message;
    writeErr(`pycompile: internal error${where}:\n${stack}\n`);
  } else {
    writeErr(`pycompile: internal error${where}: ${message} (run with --debug for details)\n`);
  }
}

/** The operating system's reason, worded as strerror(3) words it for the common cases. */
function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : STRERROR[code];
  if (known !== undefined) return known;
  return error instanceof Error ? error.message : String(error);
}

const STRERROR: Readonly<Record<string, string>> = {
  EACCES: "Permission denied",
  EISDIR: "Is a directory",
  ELOOP: "Too many levels of symbolic links",
  EMFILE: "Too many open files",
  ENAMETOOLONG: "File name too long",
  ENOENT: "No such file or directory",
  ENOTDIR: "Not a directory",
  EPERM: "Operation not permitted",
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function writeOut(text: string): void {
  process.stdout.write(text);
}

function writeErr(text: string): void {
  process.stderr.write(text);
}

let stdoutGuarded = false;

/** `pycompile ast big.py | head` must end quietly, not with an EPIPE stack trace. */
function ignoreBrokenStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}
