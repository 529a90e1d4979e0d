// The `luma` command line: `luma build FILE.ls [-o OUT] [-O0..3]`, `luma run FILE.ls [ARGS...]`
// (`--check-leaks`), `luma check FILE.ls`, `luma test [PATH]` (test-runner.ts). Diagnostics are drawn by the compiler's renderDiagnostic. Exit statuses: 0
// success, 1 errors in the program (or bad usage), 2 an internal error (a bug in luma; `--debug`
// shows its stack trace); `luma run` exits with the program's own status.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { type Diagnostic, type OptLevel, renderDiagnostic, shouldUseColor, ToolchainError } from "@toolchain/compiler";
import { Command, CommanderError } from "commander";
import { buildLumaModule, compileLuma } from "./build-luma.js";
import { checkLumaProgram } from "./checker/checker.js";
import { runTests, testFiles } from "./test-runner.js";

const EXIT_USER_ERROR = 1;
const EXIT_INTERNAL_ERROR = 2;

function readFileOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function report(diagnostics: readonly Diagnostic[], sourceOf: (file: string) => string | undefined): boolean {
  const color = shouldUseColor(process.stderr);
  for (const d of diagnostics) process.stderr.write(renderDiagnostic(d, sourceOf, { color }));
  return diagnostics.some((d) => d.severity === "error");
}

function parseOptLevel(text: string): OptLevel {
  const level = Number(text.replace(/^O/, ""));
  if (![0, 1, 2, 3].includes(level))
    throw new CommanderError(EXIT_USER_ERROR, "luma.optLevel", `luma: bad optimisation level ${text}`);
  return level as OptLevel;
}

/** Checks, lowers and builds; returns 0 or an exit status. */
async function build(file: string, output: string, optLevel: OptLevel): Promise<number> {
  const result = compileLuma(file, readFileOrUndefined, { checkOverflow: isDebugBuild(optLevel) });
  if (report(result.diagnostics, (f) => result.program.sourceOf(f)) || result.module === null) return EXIT_USER_ERROR;
  await buildLumaModule(result.module, result.program, { output, optLevel });
  return 0;
}

/** -O0 and -O1 are debug builds: integer overflow panics there (LoweringOptions.checkOverflow). */
export function isDebugBuild(optLevel: OptLevel): boolean {
  return optLevel < 2;
}

function runExecutable(path: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal !== null ? 128 + 9 : 1)));
  });
}

/** The `luma` command line. Never throws; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  let status = 0;
  const program = new Command("luma")
    .description("Compile LumaScript programs to native executables.")
    .exitOverride()
    .enablePositionalOptions()
    .showHelpAfterError("(run with --help for usage)")
    .option("--debug", "show a stack trace for internal errors");

  program
    .command("check")
    .description("check a program and report its diagnostics")
    .argument("<file>", "the program's entry file (.ls)")
    .action((file: string) => {
      const { program: checked, diagnostics } = checkLumaProgram(file, readFileOrUndefined);
      if (report(diagnostics, (f) => checked.sourceOf(f))) status = EXIT_USER_ERROR;
    });

  program
    .command("build")
    .description("compile a program to a native executable")
    .argument("<file>", "the program's entry file (.ls)")
    .option("-o, --output <path>", "the executable (default: the file's name without .ls)")
    .option("-O, --opt-level <level>", "optimisation level, 0 to 3", "2")
    .action(async (file: string, options: { output?: string; optLevel: string }) => {
      const output = options.output ?? basename(file).replace(/\.ls$/, "");
      status = await build(file, output, parseOptLevel(options.optLevel));
    });

  program
    .command("run")
    .description("compile a program and run it with the given arguments")
    .argument("<file>", "the program's entry file (.ls)")
    .argument("[args...]", "the program's arguments")
    .option("-O, --opt-level <level>", "optimisation level, 0 to 3", "2")
    .option("--check-leaks", "report the objects still live when the program ends, with where each was made")
    .passThroughOptions()
    .action(async (file: string, args: string[], options: { optLevel: string; checkLeaks?: boolean }) => {
      const dir = mkdtempSync(join(tmpdir(), "luma-run-"));
      try {
        const exe = join(dir, basename(file).replace(/\.ls$/, "") || "program");
        status = await build(file, exe, parseOptLevel(options.optLevel));
        const env = options.checkLeaks === true ? { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" } : process.env;
        if (status === 0) status = await runExecutable(exe, args, env);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

  program
    .command("test")
    .description("run the #[test] functions of a program, or of each .ls file of a directory, each in its own process")
    .argument("[path]", "a .ls file or a directory of them", ".")
    .option("-O, --opt-level <level>", "optimisation level, 0 to 3 (a debug build below 2)", "1")
    .action(async (path: string, options: { optLevel: string }) => {
      let files: string[];
      try {
        files = testFiles(path);
      } catch {
        process.stderr.write(`luma: ${path}: no such file or directory\n`);
        status = EXIT_USER_ERROR;
        return;
      }
      const outcome = await runTests(
        files,
        readFileOrUndefined,
        parseOptLevel(options.optLevel),
        (result) => report(result.diagnostics, (f) => result.program.sourceOf(f)),
        (text) => process.stdout.write(text),
      );
      status = outcome.failed > 0 || outcome.broken > 0 ? EXIT_USER_ERROR : 0;
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0 && !error.message.startsWith("(outputHelp)") && error.code === "luma.optLevel") {
        process.stderr.write(`${error.message}\n`);
      }
      return error.exitCode === 0 ? 0 : EXIT_USER_ERROR;
    }
    if (error instanceof ToolchainError) {
      process.stderr.write(`luma: ${error.message}\n`);
      return EXIT_USER_ERROR;
    }
    process.stderr.write(`luma: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write("(run with --debug for a stack trace)\n");
    return EXIT_INTERNAL_ERROR;
  }
  return status;
}
