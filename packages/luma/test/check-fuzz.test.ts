// Seeded fuzzing of the checker: valid programs broken by the parser fuzz test's mutations, and
// random token soup, are parsed and then checked. Whatever the tree the parser recovered, the checker
// must return (no exception; the test has a deadline), and every diagnostic, syntax and semantic,
// must have a one-line message and spans within its file that the shared renderer can draw. A
// failure prints its seed and case number, so it can be replayed.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Diagnostic, renderDiagnostic } from "@toolchain/compiler";
import { type CheckResult, checkLuma, parseLuma } from "../src/index.js";
import { checkSpan, lineLengths, mutate, seededRandom, tokenSoup } from "./fuzz-mutations.js";
import { CHECKED_FEATURES, EXAMPLE, FEATURES } from "./sample-programs.js";

const SEED = 20261206;
const MUTANTS_PER_PROGRAM = 500;
const SOUPS = 200;

/** The file FEATURES imports, so that mutants also check across two files. */
const LIBRARY = "struct Point { x: f64, y: f64 }\nfunc origin() -> Point { return Point { x: 0.0, y: 0.0 }; }\n";

function readFile(path: string): string | undefined {
  return path === "lib/geometry.ls" ? LIBRARY : undefined;
}

function checkText(text: string, label: string): void {
  const parsed = parseLuma(text, "fuzz.ls");
  let result: CheckResult;
  try {
    result = checkLuma(parsed.module, { readFile });
  } catch (error) {
    assert.fail(`${label}: the checker threw ${error instanceof Error ? error.stack : String(error)} on:\n${text}`);
  }
  const sources = (file: string) => (file === "fuzz.ls" ? text : result.program.sourceOf(file));
  for (const [index, diagnostic] of [...parsed.diagnostics, ...result.diagnostics].entries()) {
    const where = `${label}, diagnostic ${index} (${diagnostic.message})`;
    assert.ok(diagnostic.message.length > 0 && !diagnostic.message.includes("\n"), `${where}: one-line message`);
    checkDiagnosticSpans(diagnostic, sources, where);
    renderDiagnostic(diagnostic, sources);
  }
}

function checkDiagnosticSpans(
  diagnostic: Diagnostic,
  sources: (file: string) => string | undefined,
  where: string,
): void {
  for (const span of [diagnostic.primary, ...(diagnostic.secondary ?? [])]) {
    const text = sources(span.file);
    assert.ok(text !== undefined, `${where}: a span in an unknown file ${span.file}`);
    checkSpan(span, lineLengths(text), where, span.file);
  }
}

describe("checker fuzzing", { timeout: 240_000 }, () => {
  test("the programs themselves", () => {
    assert.deepEqual(checkLuma(parseLuma(CHECKED_FEATURES, "fuzz.ls").module).diagnostics, []);
    assert.deepEqual(checkLuma(parseLuma(EXAMPLE, "fuzz.ls").module).diagnostics, []);
  });

  for (const [name, program] of [
    ["the example program", EXAMPLE],
    ["the features program", FEATURES],
    ["the checked features program", CHECKED_FEATURES],
  ] as const) {
    test(`${MUTANTS_PER_PROGRAM} mutants of ${name}`, () => {
      const random = seededRandom(SEED + program.length);
      for (let i = 0; i < MUTANTS_PER_PROGRAM; i++) {
        checkText(mutate(program, random), `seed ${SEED + program.length}, mutant ${i}`);
      }
    });
  }

  test(`${SOUPS} files of random tokens`, () => {
    const random = seededRandom(SEED);
    for (let i = 0; i < SOUPS; i++) checkText(tokenSoup(random), `seed ${SEED}, soup ${i}`);
  });
});
