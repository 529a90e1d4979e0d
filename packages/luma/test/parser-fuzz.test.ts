// Seeded fuzzing: valid programs broken by token and character mutations (delete, insert, duplicate,
// swap, truncate) and random token soup. Whatever the input, the parser must return (no exception,
// no endless loop: the test has a deadline), report at most the capped number of errors, give spans
// that lie within the file, which the shared renderer can draw, and build a tree whose nodes lie
// within their parents. A failure prints its seed and case number, so it can be replayed.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Diagnostic, renderDiagnostic, type SourceSpan } from "@toolchain/compiler";
import {
  KEYWORDS,
  MAX_SYNTAX_ERRORS,
  parseLuma,
  SourceText,
  SyntaxDiagnostics,
  type Token,
  tokenize,
} from "../src/index.js";
import { EXAMPLE, FEATURES } from "./sample-programs.js";
import { forEachNode } from "./syntax-tree.js";

const SEED = 20261205;
const MUTANTS_PER_PROGRAM = 1500;
const SOUPS = 400;

/** xorshift32: a small deterministic generator, so every case can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed | 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Texts a mutation inserts: every keyword and punctuator, and pieces that open things and never close. */
const INSERTABLE = [
  ...KEYWORDS,
  ..."( ) [ ] { } , ; : :: . .. -> => = == != < <= << > >> >= + - * ** / % & && | || ^ ~ ! ? @ # += >>=".split(" "),
  "x",
  "Point",
  "_",
  "0",
  "0x",
  "1.5",
  "9999999999999999999999",
  '"s"',
  '"open',
  '"\\q"',
  "/*",
  "*/",
  "/// doc\n",
  "\n",
  "$",
  "é",
  "😀",
  "\t",
  "\r\n",
];

type Mutation = (text: string, tokens: Token[], pick: (n: number) => number) => string;

const MUTATIONS: Mutation[] = [
  // Delete a token.
  (text, tokens, pick) => {
    const token = tokens[pick(tokens.length)]!;
    return text.slice(0, token.start) + text.slice(token.end);
  },
  // Insert a token before another.
  (text, tokens, pick) => {
    const at = tokens[pick(tokens.length)]!.start;
    return `${text.slice(0, at)}${INSERTABLE[pick(INSERTABLE.length)]} ${text.slice(at)}`;
  },
  // Duplicate a token.
  (text, tokens, pick) => {
    const token = tokens[pick(tokens.length)]!;
    return text.slice(0, token.end) + text.slice(token.start, token.end) + text.slice(token.end);
  },
  // Swap two neighbouring tokens.
  (text, tokens, pick) => {
    if (tokens.length < 2) return text;
    const i = pick(tokens.length - 1);
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    return (
      text.slice(0, a.start) +
      text.slice(b.start, b.end) +
      text.slice(a.end, b.start) +
      text.slice(a.start, a.end) +
      text.slice(b.end)
    );
  },
  // Delete one character.
  (text, _tokens, pick) => {
    const at = pick(text.length);
    return text.slice(0, at) + text.slice(at + 1);
  },
  // Cut the file short, as an editor's buffer is while typing.
  (text, _tokens, pick) => text.slice(0, pick(text.length + 1)),
];

function tokensOf(text: string): Token[] {
  const source = new SourceText(text, "fuzz.ls");
  return tokenize(source, new SyntaxDiagnostics(source)).slice(0, -1);
}

function mutate(program: string, random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  let text = program;
  const count = 1 + pick(4);
  for (let i = 0; i < count; i++) {
    const tokens = tokensOf(text);
    if (tokens.length === 0) break;
    text = MUTATIONS[pick(MUTATIONS.length)]!(text, tokens, pick);
  }
  return text;
}

function tokenSoup(random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  const length = pick(200);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(INSERTABLE[pick(INSERTABLE.length)]!);
  return parts.join(pick(2) === 0 ? " " : "");
}

/** The renderer's view of a file: its lines, each as code points. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => [...line].length);
}

function checkSpan(span: SourceSpan, lengths: readonly number[], where: string): void {
  assert.equal(span.file, "fuzz.ls", `${where}: file`);
  assert.ok(span.line >= 1 && span.line <= lengths.length, `${where}: line ${span.line} of ${lengths.length}`);
  assert.ok(span.endLine >= span.line && span.endLine <= lengths.length, `${where}: end line ${span.endLine}`);
  assert.ok(span.column >= 1 && span.column <= lengths[span.line - 1]! + 1, `${where}: column ${span.column}`);
  assert.ok(span.endColumn >= 1 && span.endColumn <= lengths[span.endLine - 1]! + 1, `${where}: end column`);
  assert.ok(span.endLine > span.line || span.endColumn >= span.column, `${where}: ends before it starts`);
}

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
