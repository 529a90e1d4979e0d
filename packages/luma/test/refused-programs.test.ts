// Programs that must be refused: every NAME.ls of test/refused is a small program with one mistake,
// checked as `luma check` checks it (checkLumaProgram), and its first error must be the one its
// header names. One of them also goes through bin/luma, as a user runs it.
//
// The header, in comments at the file's top:
//   // expect-error: E0213          the first error's code
//   // expect-line: 13              the 1-based line of its primary span
//   // expect-message: must return  text its message contains
//   // expect-help: add a `return`  (optional) text one of its help lines contains

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { renderDiagnostic } from "@toolchain/compiler";
import { checkLumaProgram } from "../src/index.js";

interface Case {
  readonly name: string;
  readonly code: string;
  readonly line: number;
  readonly message: string;
  readonly help: string | undefined;
}

const REFUSED_DIR = fileURLToPath(new URL("../../test/refused/", import.meta.url));
const LUMA = fileURLToPath(new URL("../../bin/luma", import.meta.url));

function readFileOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** A program's header; a missing required key is an error of the test file, not of the checker. */
function parseCase(file: string): Case {
  const lines = readFileSync(join(REFUSED_DIR, file), "utf8").split("\n");
  const header = (key: string): string | undefined =>
    lines.find((line) => line.startsWith(`// ${key}: `))?.slice(`// ${key}: `.length);
  const required = (key: string): string => {
    const value = header(key);
    if (value === undefined || value === "") throw new Error(`${file}: no \`// ${key}:\` line in its header`);
    return value;
  };
  return {
    name: file,
    code: required("expect-error"),
    line: Number(required("expect-line")),
    message: required("expect-message"),
    help: header("expect-help"),
  };
}

const CASES: readonly Case[] = readdirSync(REFUSED_DIR)
  .filter((file) => file.endsWith(".ls"))
  .sort()
  .map(parseCase);

/** Checks a program of test/refused by its name, its imports read relative to that directory. */
function checkRefused(name: string) {
  return checkLumaProgram(name, (path) => readFileOrUndefined(join(REFUSED_DIR, path)));
}

describe("programs that must be refused", () => {
  test("the directory holds the programs", () => {
    assert.ok(CASES.length >= 50, `only ${CASES.length} programs in ${REFUSED_DIR}`);
  });

  for (const c of CASES) {
    test(`${c.name}: ${c.code}`, () => {
      const { program, diagnostics } = checkRefused(c.name);
      const shown = diagnostics.map((d) => renderDiagnostic(d, (file) => program.sourceOf(file))).join("");
      const errors = diagnostics.filter((d) => d.severity === "error");
      assert.ok(errors.length > 0, `expected an error, got:\n${shown}`);
      const first = errors[0]!;
      assert.equal(first.code, c.code, shown);
      assert.equal(first.primary.line, c.line, shown);
      assert.ok(first.message.includes(c.message), `message should contain \`${c.message}\`:\n${shown}`);
      if (c.help !== undefined) {
        const help = c.help;
        assert.ok(
          (first.help ?? []).some((line) => line.includes(help)),
          `a help line should contain \`${help}\`:\n${shown}`,
        );
      }
    });
  }
});

describe("luma check on a refused program", () => {
  test("exits 1 and prints the rendered diagnostic, without a stack trace", () => {
    const file = join(REFUSED_DIR, "missing_return.ls");
    const expected = parseCase("missing_return.ls");
    const env = { ...process.env, NO_COLOR: "1" };
    const run = spawnSync(LUMA, ["check", file], { encoding: "utf8", env, timeout: 60_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, "");
    assert.ok(run.stderr.startsWith(`error[${expected.code}]: `), run.stderr);
    assert.ok(run.stderr.includes(expected.message), run.stderr);
    assert.match(run.stderr, new RegExp(`--> ${escapeRegExp(file)}:${expected.line}:\\d+\\n`));
    assert.match(run.stderr, /= help: add a `return`/);
    assert.doesNotMatch(run.stderr, /internal error|\n\s+at .*\.js:\d+/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
