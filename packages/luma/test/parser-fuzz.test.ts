// Seeded fuzzing: valid programs broken by token and character mutations (delete, insert, duplicate,
// swap, truncate) and random token soup. Whatever the input, the parser must return (no exception,
// no endless loop: the test has a deadline), report at most the capped number of errors, give spans
// that lie within the file, which the shared renderer can draw, and build a tree whose nodes lie
// within their parents. A failure prints its seed and case number, so it can be replayed.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Diagnostic, renderDiagnostic } from "@toolchain/compiler";
import { MAX_SYNTAX_ERRORS, parseLuma } from "../src/index.js";
import { checkSpan, lineLengths, mutate, seededRandom, tokenSoup } from "./fuzz-mutations.js";
import { EXAMPLE, FEATURES } from "./sample-programs.js";
import { forEachNode } from "./syntax-tree.js";

const SEED = 20261205;
const MUTANTS_PER_PROGRAM = 1500;
const SOUPS = 400;

function checkParse(text: string, label: string): void {
  let result: ReturnType<typeof parseLuma>;
  try {
    result = parseLuma(text, "fuzz.ls");
  } catch (error) {
    assert.fail(`${label}: the parser threw ${String(error)} on:\n${text}`);
  }
  const lengths = lineLengths(text);
  const errors = result.diagnostics.filter((d: Diagnostic) => d.severity === "error");
  assert.ok(errors.length <= MAX_SYNTAX_ERRORS, `${label}: ${errors.length} errors`);
  for (const [index, diagnostic] of result.diagnostics.entries()) {
    const where = `${label}, diagnostic ${index} (${diagnostic.message})`;
    checkSpan(diagnostic.primary, lengths, where);
    for (const span of diagnostic.secondary ?? []) checkSpan(span, lengths, `${where}, secondary`);
    assert.ok(diagnostic.message.length > 0 && !diagnostic.message.includes("\n"), `${where}: one-line message`);
    renderDiagnostic(diagnostic, () => text);
  }
  forEachNode(result.module, (node, parent) => {
    assert.ok(0 <= node.start && node.start <= node.end && node.end <= text.length, `${label}: ${node.kind} span`);
    if (parent !== null && node.kind !== "DocComment") {
      assert.ok(parent.start <= node.start && node.end <= parent.end, `${label}: ${node.kind} outside ${parent.kind}`);
    }
  });
}

describe("parser fuzzing", { timeout: 120_000 }, () => {
  for (const [name, program] of [
    ["the example program", EXAMPLE],
    ["the features program", FEATURES],
  ] as const) {
    test(`${MUTANTS_PER_PROGRAM} mutants of ${name}`, () => {
      assert.equal(parseLuma(program, "fuzz.ls").diagnostics.length, 0, "the program itself must be valid");
      const random = seededRandom(SEED + program.length);
      let withErrors = 0;
      for (let i = 0; i < MUTANTS_PER_PROGRAM; i++) {
        const mutant = mutate(program, random);
        checkParse(mutant, `seed ${SEED + program.length}, mutant ${i}`);
        if (parseLuma(mutant, "fuzz.ls").diagnostics.some((d) => d.severity === "error")) withErrors++;
      }
      // Most mutants are broken; a fuzz run that broke nothing tested nothing.
      assert.ok(withErrors > MUTANTS_PER_PROGRAM / 2, `only ${withErrors} mutants had errors`);
    });
  }

  test(`${SOUPS} files of random tokens`, () => {
    const random = seededRandom(SEED);
    for (let i = 0; i < SOUPS; i++) checkParse(tokenSoup(random), `seed ${SEED}, soup ${i}`);
  });
});
