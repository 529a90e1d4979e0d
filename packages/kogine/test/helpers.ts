/** Shared by the kogine tests: the real CLI in a child process, and scratch directories of scripts. */
import { type SpawnOptions, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseExtendedJson } from "../src/extended-json.js";

export const KOGINE_BIN = fileURLToPath(new URL("../../bin/kogine.js", import.meta.url));
/** The `kogine` command as npm links it (a launcher importing KOGINE_BIN). */
export const KOGINE_COMMAND = fileURLToPath(new URL("../../bin/kogine", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kogine-test-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Runs `kogine ARGS` in `cwd` with the run store under `cwd/runs`; through the `kogine` command with
 * `command` (or the command at that path), else `node bin/kogine.js`. */
export function kogine(
  args: string[],
  cwd: string,
  options: SpawnOptions & { command?: boolean | string } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const command = options.command === true ? KOGINE_COMMAND : options.command;
    const [file, argv] = command ? [command, args] : [process.execPath, [KOGINE_BIN, ...args]];
    const child = spawn(file, argv, {
      cwd,
      env: { ...process.env, KOGINE_RUNS_DIR: join(cwd, "runs"), ...(options.env ?? {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The manifest of the latest run under `cwd/runs`, read through the CLI as a user would. */
export async function latestRun(cwd: string): Promise<{
  id: string;
  status: string;
  tasks: Array<{
    index: number;
    status: string;
    attempts: number;
    exitCode: number | null;
    workerId: number;
    host: string;
    failure: { kind: string; message: string; traceback?: string } | null;
  }>;
}> {
  const shown = await kogine(["runs", "show", "latest", "--json"], cwd);
  return JSON.parse(shown.stdout);
}

export function resultOf(cwd: string, runId: string, index: number): unknown {
  const path = join(cwd, "runs", runId, "tasks", String(index).padStart(4, "0"), "result.json");
  return (parseExtendedJson(readFile(path)) as { value: unknown }).value;
}

/** A task's stdout or stderr log in the run store. */
export function logOf(cwd: string, runId: string, index: number, stream: "stdout" | "stderr"): string {
  return readFile(join(cwd, "runs", runId, "tasks", String(index).padStart(4, "0"), `${stream}.log`));
}

export function readFile(path: string): string {
  return readFileSync(path, "utf8");
}

/** The processes alive now whose environment carries `mark`. */
export function processesMarked(mark: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, "latin1").includes(`KOGINE_TEST_MARK=${mark}`))
        found.push(Number(entry));
    } catch {
      // Ended meanwhile, or not ours to read.
    }
  }
  return found;
}

export async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
