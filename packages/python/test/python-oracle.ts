/**
 * Asks CPython about values: runs ONE python3 process with a batch of inputs and returns what the
 * given function computed for them. For the unit tests of the literal and value modules, which
 * compare against CPython itself rather than against answers written down by hand.
 *
 * `body` is Python source defining `run(data)`; `data` is the JSON input, and `run`'s result comes
 * back as JSON. JSON escapes keep lone surrogates intact both ways; bytes travel as hex strings.
 */

import { spawnSync } from "node:child_process";
import { pythonExecutable } from "./cpython-referee.js";

const PRELUDE = `
import json, sys, warnings
warnings.simplefilter("ignore")
`;

const POSTLUDE = `
sys.stdout.write(json.dumps(run(json.load(sys.stdin))))
`;

export function askPython<T>(body: string, data: unknown): T {
  const python = pythonExecutable();
  const proc = spawnSync(python, ["-I", "-X", "utf8", "-c", PRELUDE + body + POSTLUDE], {
    input: JSON.stringify(data),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (proc.error) throw new Error(`cannot run ${python}: ${proc.error.message}`);
  if (proc.status !== 0) throw new Error(`${python} exited with ${proc.status ?? proc.signal}: ${proc.stderr}`);
  return JSON.parse(proc.stdout) as T;
}

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
export const fromHex = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, "hex"));
