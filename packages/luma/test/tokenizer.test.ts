import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Diagnostic } from "@toolchain/compiler";
import { SourceText, SyntaxDiagnostics, type Token, tokenize } from "../src/index.js";

function lex(text: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const source = new SourceText(text, "t.ls");
  const diagnostics = new SyntaxDiagnostics(source);
  const tokens = tokenize(source, diagnostics);
  return { tokens, diagnostics: diagnostics.toList() };
}

/** The tokens of a text that must tokenize cleanly, without the final `EndOfFile`. */
function tokensOf(text: string): Token[] {
  const { tokens, diagnostics } = lex(text);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [],
  );
  assert.equal(tokens[tokens.length - 1]!.kind, "EndOfFile");
  return tokens.slice(0, -1);
}

const kinds = (text: string) => tokensOf(text).map((t) => t.kind);
const values = (text: string) => tokensOf(text).map((t) => t.value);

/** The messages and the columns they point at (line 1) for a text with errors. */
function problems(text: string): [string, number, number][] {
  return lex(text).diagnostics.map((d) => [d.message, d.primary.column, d.primary.endColumn]);
}

describe("tokenizer: names and punctuation", () => {
  test("keywords are their own kinds; other words, `sizeof`, `alloc` and `_` are identifiers", () => {
    assert.deepEqual(kinds("func let const struct enum impl import extern match as self"), [
      "func",
      "let",
      "const",
      "struct",
      "enum",
      "impl",
      "import",
      "extern",
      "match",
      "as",
      "self",
    ]);
    assert.deepEqual(kinds("sizeof alloc _ rc weak Array i64"), Array(7).fill("Identifier"));
    assert.deepEqual(values("_x a1 größe π"), ["_x", "a1", "größe", "π"]);
  });

  test("punctuation is read longest first", () => {
    assert.deepEqual(kinds("**= ** * <<= << <= < :: : -> - => == = .. . && & || |"), [
      "**=",
      "**",
      "*",
      "<<=",
      "<<",
      "<=",
      "<",
      "::",
      ":",
      "->",
      "-",
      "=>",
      "==",
      "=",
      "..",
      ".",
      "&&",
      "&",
      "||",
      "|",
    ]);
    assert.deepEqual(kinds("# [ ] ( ) { } , ; ! != ~ ? @ ^ ^= % %= / /= += -= *= &= |="), [
      "#",
      "[",
      "]",
      "(",
      ")",
      "{",
      "}",
      ",",
      ";",
      "!",
      "!=",
      "~",
      "?",
      "@",
      "^",
      "^=",
      "%",
      "%=",
      "/",
      "/=",
      "+=",
      "-=",
      "*=",
      "&=",
      "|=",
    ]);
  });

  test("`>` is always one token, so nested type arguments close one at a time", () => {
    assert.deepEqual(kinds("Array<Array<i64>>"), ["Identifier", "<", "Identifier", "<", "Identifier", ">", ">"]);
    assert.deepEqual(kinds(">= >>="), [">", "=", ">", ">", "="]);
  });

  test("offsets and line breaks are recorded", () => {
    const tokens = tokensOf("let x\n  = 1;");
    assert.deepEqual(
      tokens.map((t) => [t.start, t.end, t.newlineBefore]),
      [
        [0, 3, false],
        [4, 5, false],
        [8, 9, true],
        [10, 11, false],
        [11, 12, false],
      ],
    );
  });

  test("a byte order mark is skipped", () => {
    assert.deepEqual(kinds("\ufefffunc"), ["func"]);
  });
});

describe("tokenizer: number literals", () => {
  test("decimal, hexadecimal and binary integers with `_` separators", () => {
    assert.deepEqual(values("0 42 1_000_000 0xFF 0xff_ff 0XA 0b1010 0B1_0"), [
      0n,
      42n,
      1000000n,
      255n,
      65535n,
      10n,
      10n,
      2n,
    ]);
    assert.deepEqual(kinds("0xFF 42"), ["Integer", "Integer"]);
  });

  test("floats: a fraction, an exponent, or both", () => {
    assert.deepEqual(values("3.14 1e3 2.5e-07 1E+2 1_000.5 0.1"), [3.14, 1000, 2.5e-7, 100, 1000.5, 0.1]);
    assert.deepEqual(kinds("3.14 1e3"), ["Float", "Float"]);
  });

  test("a dot not followed by a digit ends the integer: ranges and method calls", () => {
    assert.deepEqual(kinds("0..n"), ["Integer", "..", "Identifier"]);
    assert.deepEqual(kinds("1.max"), ["Integer", ".", "Identifier"]);
  });

  test("the largest literal is u64's maximum; one more fits no type", () => {
    assert.deepEqual(values("18446744073709551615 0xFFFF_FFFF_FFFF_FFFF"), [2n ** 64n - 1n, 2n ** 64n - 1n]);
    assert.deepEqual(problems("18446744073709551616"), [["integer literal is too large for any integer type", 1, 21]]);
  });

  test("malformed numbers are reported at the offending character", () => {
    const separator = "a `_` in a number literal must stand between two digits";
    assert.deepEqual(problems("1__0"), [[separator, 2, 3]]);
    assert.deepEqual(problems("1_"), [[separator, 2, 3]]);
    assert.deepEqual(problems("0x_1"), [[separator, 3, 4]]);
    assert.deepEqual(problems("0x"), [["hexadecimal literal has no digits", 1, 3]]);
    assert.deepEqual(problems("0b"), [["binary literal has no digits", 1, 3]]);
    assert.deepEqual(problems("0b102"), [["invalid digit `2` in binary literal", 5, 6]]);
    assert.deepEqual(problems("0xFG"), [["invalid digit `G` in hexadecimal literal", 4, 5]]);
    assert.deepEqual(problems("1i32"), [["invalid suffix `i32` on number literal", 2, 5]]);
    assert.deepEqual(problems("2.5f"), [["invalid suffix `f` on number literal", 4, 5]]);
    assert.deepEqual(problems("1e"), [["invalid suffix `e` on number literal", 2, 3]]);
    assert.deepEqual(problems("1e400"), [["float literal is out of range for `f64`", 1, 6]]);
  });

  test("a bad literal is still one token, so the parser sees a sound stream", () => {
    const { tokens } = lex("0b102 + 1i32");
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ["Integer", "+", "Integer", "EndOfFile"],
    );
  });
});

describe("tokenizer: string literals", () => {
  test("escapes are decoded", () => {
    assert.deepEqual(values(String.raw`"a\nb" "\t\r\0" "\\ \" \'" "\x41\x7F" "\u{1F600}\u{e9}" "{} {:>8}"`), [
      "a\nb",
      "\t\r\0",
      "\\ \" '",
      "A\x7f",
      "😀é",
      "{} {:>8}",
    ]);
  });

  test("bad escapes are reported where they are written", () => {
    assert.deepEqual(problems(String.raw`"a\qb"`), [["unknown escape sequence `\\q`", 3, 5]]);
    assert.deepEqual(problems(String.raw`"\x80"`), [["`\\x80` is not ASCII", 2, 6]]);
    assert.deepEqual(problems(String.raw`"\x4"`), [["`\\x` must be followed by two hex digits", 2, 4]]);
    assert.deepEqual(problems(String.raw`"\u{D800}"`), [["`\\u{D800}` is not a Unicode character", 2, 10]]);
    assert.deepEqual(problems(String.raw`"\u{110000}"`), [["`\\u{110000}` is not a Unicode character", 2, 12]]);
    assert.deepEqual(problems(String.raw`"\u41"`), [["`\\u` must be followed by `{`, hex digits and `}`", 2, 4]]);
  });

  test("a string ends on its line", () => {
    const { tokens, diagnostics } = lex('let s = "abc\nlet t = 1;');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.primary.line, d.primary.column]),
      [["E0002", 'unterminated string literal: expected `"` before the end of the line', 1, 9]],
    );
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ["let", "Identifier", "=", "String", "let", "Identifier", "=", "Integer", ";", "EndOfFile"],
    );
    assert.equal(tokens[3]!.value, "abc");
  });
});

describe("tokenizer: comments", () => {
  test("line and block comments are dropped; block comments nest", () => {
    assert.deepEqual(kinds("a // b c\nd /* e /* f */ g */ h"), ["Identifier", "Identifier", "Identifier"]);
  });

  test("a line break inside a block comment counts as one between the tokens", () => {
    const [, second] = tokensOf("a /*\n*/ b");
    assert.equal(second?.newlineBefore, true);
  });

  test("an unclosed block comment is reported at its opener", () => {
    const report = (text: string) => lex(text).diagnostics.map((d) => [d.message, d.primary.column, d.primary.label]);
    const message = "unterminated block comment: expected `*/` before the end of the file";
    assert.deepEqual(report("a /* b /* c */ d"), [[message, 3, "comment opened here"]]);
    assert.deepEqual(report("a /* b /* c"), [[message, 3, "this comment holds 1 more unclosed `/*`"]]);
  });

  test("`///` lines ride on the next token, without `///` and one space; `////` is ordinary", () => {
    const [first, second] = tokensOf("/// One.\n///  Two, indented.\n//// Not a doc.\nfunc f\n/// Three.\nx");
    assert.deepEqual(
      first?.docLines.map((line) => line.text),
      ["One.", " Two, indented."],
    );
    assert.deepEqual(second?.docLines, []);
    const third = tokensOf("/// Three.\nx")[0]!;
    assert.deepEqual(third.docLines, [{ text: "Three.", start: 0, end: 10 }]);
  });
});

describe("tokenizer: unexpected characters", () => {
  test("are reported and skipped", () => {
    const { tokens, diagnostics } = lex("a $ b");
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ["Identifier", "Identifier", "EndOfFile"],
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.primary.column]),
      [["E0001", "unexpected character `$`", 3]],
    );
  });

  test("are named by code point when not printable, with a hint where one helps", () => {
    const { diagnostics } = lex("a\u00a0b 'c'");
    assert.deepEqual(
      diagnostics.map((d) => [d.message, d.help]),
      [
        ["unexpected character U+00A0", ["this is a non-ASCII space; replace it with an ordinary space"]],
        ["unexpected character `'`", ['string literals use double quotes: "text"']],
        ["unexpected character `'`", ['string literals use double quotes: "text"']],
      ],
    );
  });
});
