// Seeded mutations of valid programs, shared by the fuzz tests of the parser and the checker: token
// and character mutations (delete, insert, duplicate, swap, truncate) and random token soup, and the
// check that a diagnostic's span lies within its file. Every case is reproducible from its seed.

import assert from "node:assert/strict";
import type { SourceSpan } from "@toolchain/compiler";
import { KEYWORDS, SourceText, SyntaxDiagnostics, type Token, tokenize } from "../src/index.js";

/** xorshift32: a small deterministic generator, so every case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
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

export function mutate(program: string, random: () => number): string {
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

export function tokenSoup(random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  const length = pick(200);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(INSERTABLE[pick(INSERTABLE.length)]!);
  return parts.join(pick(2) === 0 ? " " : "");
}

/** The renderer's view of a file: its lines, each as code points. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => [...line].length);
}

export function checkSpan(span: SourceSpan, lengths: readonly number[], where: string, file = "fuzz.ls"): void {
  assert.equal(span.file, file, `${where}: file`);
  assert.ok(span.line >= 1 && span.line <= lengths.length, `${where}: line ${span.line} of ${lengths.length}`);
  assert.ok(span.endLine >= span.line && span.endLine <= lengths.length, `${where}: end line ${span.endLine}`);
  assert.ok(span.column >= 1 && span.column <= lengths[span.line - 1]! + 1, `${where}: column ${span.column}`);
  assert.ok(span.endColumn >= 1 && span.endColumn <= lengths[span.endLine - 1]! + 1, `${where}: end column`);
  assert.ok(span.endLine > span.line || span.endColumn >= span.column, `${where}: ends before it starts`);
}
