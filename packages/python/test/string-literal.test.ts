/**
 * String and bytes literal decoding against CPython: every token here is parsed by python3 (as
 * the UTF-8 bytes of a one-token source) and our decoded value must have the same repr, code
 * points and kind, or our LiteralError the same message as CPython's SyntaxError.
 *
 * Token texts are decoded source text (see decodeSource): U+DC80..U+DCFF stand for bytes that are
 * not UTF-8, and go to CPython as those raw bytes.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import abbreviations from "@unicode/unicode-14.0.0/Names/Abbreviation/index.mjs";
import alternates from "@unicode/unicode-14.0.0/Names/Alternate/index.mjs";
import controls from "@unicode/unicode-14.0.0/Names/Control/index.mjs";
import corrections from "@unicode/unicode-14.0.0/Names/Correction/index.mjs";
import figments from "@unicode/unicode-14.0.0/Names/Figment/index.mjs";
import { reprConstant } from "../src/constant-repr.js";
import { PyBytes, type PyStr, PyStrCodePoints } from "../src/constant-value.js";
import { LiteralError } from "../src/literal-error.js";
import { concatPyStr, decodeStringBody, decodeStringLiteral } from "../src/string-literal.js";
import { lookupUnicodeName } from "../src/unicode-names.js";
import { askPython, toHex } from "./python-oracle.js";

/** The source bytes a decoded text came from (U+DC80..U+DCFF back to raw bytes). */
function sourceBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00);
    else out.push(...Buffer.from(ch, "utf8"));
  }
  return Uint8Array.from(out);
}

type Outcome = { ok: true; repr: string; kind: string | null; cps: number[] | null } | { ok: false; msg: string };

/** CPython's outcome for each source: the value of its single expression (a Constant), or the error. */
const CPYTHON_EVAL = `
import ast
def run(data):
    out = []
    for h in data:
        try:
            node = ast.parse(bytes.fromhex(h), mode="eval").body
            if isinstance(node, ast.JoinedStr):
                node = node.values[0] if node.values else ast.Constant("")
            v = node.value
            out.append({"ok": True, "repr": repr(v), "kind": getattr(node, "kind", None),
                        "cps": [ord(c) for c in v] if isinstance(v, str) else None})
        except SyntaxError as e:
            out.append({"ok": False, "msg": e.msg})
    return out
`;

function codePoints(value: PyStr): number[] {
  return typeof value === "string" ? Array.from(value, (ch) => ch.codePointAt(0)!) : [...value.codePoints];
}

function outcomeOf(compute: () => { value: PyStr | PyBytes | Uint8Array; kind: string | null }): Outcome {
  try {
    const { value, kind } = compute();
    const constant = value instanceof Uint8Array ? new PyBytes(value) : value;
    return {
      ok: true,
      repr: reprConstant(constant),
      kind,
      cps: constant instanceof PyBytes ? null : codePoints(constant),
    };
  } catch (e) {
    if (e instanceof LiteralError) return { ok: false, msg: e.msg };
    throw e;
  }
}

function compareAll(sources: readonly string[], ours: (i: number) => Outcome): void {
  const expected = askPython<Outcome[]>(
    CPYTHON_EVAL,
    sources.map((s) => toHex(sourceBytes(s))),
  );
  const failures: string[] = [];
  sources.forEach((source, i) => {
    const actual = ours(i);
    if (JSON.stringify(actual) !== JSON.stringify(expected[i])) {
      failures.push(
        `${JSON.stringify(source)}:\n  CPython ${JSON.stringify(expected[i])}\n  ours    ${JSON.stringify(actual)}`,
      );
    }
  });
  assert.equal(failures.length, 0, failures.slice(0, 8).join("\n"));
}

function tokenCases(): string[] {
  const cases = [
    `"abc"`,
    `'abc'`,
    `""`,
    `''`,
    `""""""`,
    `"""a\nb"""`,
    `'''it's'''`,
    `"a\\\nb"`,
    `"""a\\\nb"""`,
    `r"a\\\nb"`,
    `u"x"`,
    `U"x"`,
    `b"x"`,
    `B"x"`,
    `rb"\\x"`,
    `Rb"\\x"`,
    `bR"\\x41"`,
    `BR"\\\\"`,
    `r"\\d\\n"`,
    `R'\\''`,
    `"\\d"`,
    `"\\\\d"`,
    `"\\'\\""`,
    `"é"`,
    `"é\\n😀"`,
    `"\\é"`,
    `"\\😀x"`,
    `"\\\\é"`,
    `b"é"`,
    `rb"é"`,
    `b"\\é"`,
    `"\\0\\7\\07\\077\\377\\400\\777\\0777\\18\\8\\9"`,
    `b"\\0\\7\\07\\077\\377\\400\\777\\0777\\18\\8\\9"`,
    `"\\x41\\xff\\xFf\\xfF"`,
    `b"\\x41\\xff\\xFf"`,
    `"\\x4"`,
    `"\\x4g"`,
    `"\\xg"`,
    `"abc\\x"`,
    `"é\\x4"`,
    `"é😀\\xé"`,
    `"\\u1234\\uabcd\\uD7FF\\uE000"`,
    `"\\u12"`,
    `"\\u123"`,
    `"\\u123g"`,
    `"\\U0001F600\\U0010FFFF\\U00000041"`,
    `"\\U00110000"`,
    `"\\UFFFFFFFF"`,
    `"\\U0000004"`,
    `"\\U0000004g"`,
    `b"\\x4"`,
    `b"ab\\x4g"`,
    `b"\\x"`,
    `b"\\u1234\\U00000041\\N{DIGIT ONE}"`,
    `"\\ud83d\\ude00"`,
    `"\\ud83d\\U0000de00"`,
    `"\\ud83d😀"`,
    `"😀\\ude00"`,
    `"\\udfff\\ud800"`,
    `"a\\ud800\\udc00b\\ud800\\udc00"`,
    `"\\ud800"`,
    `"x\\udbff\\udfffy"`,
    `"\\N{DIGIT ONE}"`,
    `"\\N{digit one}"`,
    `"\\N{Latin Small Letter Gha}"`,
    `"\\N{NBSP}"`,
    `"\\N{BYTE ORDER MARK}"`,
    `"\\N{LINE FEED}\\N{LF}\\N{EOL}\\N{NULL}"`,
    `"\\N{EMPTY SET}"`,
    `"\\N{GRINNING FACE}"`,
    `"\\N{HANGUL SYLLABLE GA}\\N{HANGUL SYLLABLE GAGG}\\N{HANGUL SYLLABLE A}\\N{HANGUL SYLLABLE HIH}"`,
    `"\\N{HANGUL SYLLABLE ga}"`,
    `"\\N{hangul syllable GA}"`,
    `"\\N{HANGUL SYLLABLE GX}"`,
    `"\\N{HANGUL SYLLABLE }"`,
    `"\\N{HANGUL SYLLABLE}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-4E00}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-04E00}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-4e00}"`,
    `"\\N{cjk unified ideograph-4E00}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-2A6DF}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-2A6E0}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-3134A}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-9FFF}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-F900}"`,
    `"\\N{CJK UNIFIED IDEOGRAPH-004E00}"`,
    `"\\N{CJK COMPATIBILITY IDEOGRAPH-F900}"`,
    `"\\N{cjk compatibility ideograph-f900}"`,
    `"\\N{TANGUT IDEOGRAPH-17000}"`,
    `"\\N{KHITAN SMALL SCRIPT CHARACTER-18B00}"`,
    `"\\N{NUSHU CHARACTER-1B170}"`,
    `"\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"`,
    `"\\N{foo}"`,
    `"\\N{"`,
    `"\\N"`,
    `"\\N{}"`,
    `"\\Nx"`,
    `"\\N{a"`,
    `"\\N{é}"`,
    `"é\\N{}"`,
    `"😀\\N{😀"`,
    `"\\Né"`,
    `"\\N{DIGIT ONE}\\N{"`,
    `"\\N{ DIGIT ONE}"`,
    `"\\N{DIGIT  ONE}"`,
    `"\\N{DIGIT\\x20ONE}"`,
    `'\\N{LATIN SMALL LETTER A}\\N{APOSTROPHE}'`,
    // Bytes that are not UTF-8, carried as U+DC80..U+DCFF.
    `"\udcff"`,
    `"ab\udcf0\udc9f\udc98"`,
    `"ab\udcf0\udc9f\udc98 "`,
    `"ab\udcf0\udc9f\udc98\\n"`,
    `"abé\udcf0\udc9f\udc98é\\n"`,
    `"\udce9abc\\n"`,
    `"\udce9\udce9\\x4"`,
    `"\\x4 \udcff"`,
    `"\udced\udca0\udc80"`,
    `"ab\udcf8\udc88\udc80\udc80\udc80"`,
    `"ab\udcc0\udcaf"`,
    `"ab\udce0\udc80\udcaf"`,
    `"ab\udcf4\udc90\udc80\udc80"`,
    `r"\\\udcff"`,
    `"""é\n\udcc3"""`,
    `b"\udcff"`,
    `rb"\udcff"`,
  ];
  // Every ASCII character after a backslash, in str and bytes literals.
  for (let c = 0x20; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    if (ch === "N" || ch === "x" || ch === "u" || ch === "U") continue;
    cases.push(`"\\${ch}"`, `b"\\${ch}"`, `"a\\${ch}b"`);
  }
  return cases;
}

describe("decodeStringLiteral", () => {
  it("decodes each token as CPython does (value, code points, kind, errors)", () => {
    const cases = tokenCases();
    compareAll(cases, (i) =>
      outcomeOf(() => {
        const literal = decodeStringLiteral(cases[i]!);
        return { value: literal.value!, kind: literal.kind };
      }),
    );
  });

  it("describes the token: prefix flags and body span", () => {
    const literal = decodeStringLiteral(`Rb'''a'b'''`);
    assert.deepEqual(
      { ...literal, value: null },
      {
        value: null,
        isBytes: true,
        isRaw: true,
        isFString: false,
        kind: null,
        bodyStart: 5,
        bodyEnd: 8,
      },
    );
    const fstring = decodeStringLiteral(`uF"x{y}"`.replace("uF", "F"));
    assert.equal(fstring.isFString, true);
    assert.equal(fstring.value, null);
  });

  it("reports a non-ASCII bytes literal at the token, escape errors at the last token", () => {
    const site = (text: string) => {
      try {
        decodeStringLiteral(text);
      } catch (e) {
        if (e instanceof LiteralError) return e.site;
      }
      return null;
    };
    assert.equal(site(`b"é"`), "token");
    assert.equal(site(`b"\\x"`), "last-token");
    assert.equal(site(`"\\x"`), "last-token");
    assert.equal(site(`"\udcff"`), "last-token");
  });
});

describe("decodeStringBody: the literal pieces of f-strings", () => {
  const bodies = [
    "abc",
    "a\\nb",
    "\\x41é",
    "\\x4",
    "é\\x4",
    "\\N{DIGIT ONE}",
    "\\N{foo}",
    "\\ud83d\\ude00",
    "\\d",
    "\udcff",
    "a\\\nb",
  ];
  it("decodes a piece as CPython decodes the literal text of an f-string", () => {
    // In a raw f-string, braces start replacement fields: only the brace-free bodies apply.
    const rawBodies = bodies.filter((b) => !b.includes("{"));
    const sources = [...bodies.map((b) => `f"${b}"`), ...rawBodies.map((b) => `rf"${b}"`)];
    compareAll(sources, (i) =>
      outcomeOf(() => ({
        value:
          i < bodies.length
            ? decodeStringBody(bodies[i]!, false, false)
            : decodeStringBody(rawBodies[i - bodies.length]!, true, false),
        kind: null,
      })),
    );
  });

  it("counts error positions from the start of the piece (after a doubled brace)", () => {
    // CPython ends a piece after the first brace of "{{", so "a{" and "b\x4" are decoded apart.
    compareAll([`f"a{{b\\x4"`, `f"é}}é\\N{}"`], (i) =>
      outcomeOf(() => {
        const pieces = i === 0 ? ["a{", "b\\x4"] : ["é}", "é\\N{}"];
        return { value: concatPyStr(pieces.map((p) => decodeStringBody(p, false, false) as PyStr)), kind: null };
      }),
    );
  });
});

describe("concatPyStr", () => {
  it("concatenates like implicit concatenation, keeping escaped surrogates apart", () => {
    const runs = [
      [`"a"`, `"b"`],
      [`"\\ud83d"`, `"\\ude00"`],
      [`"\\ud83d"`, `""`, `"\\ude00"`],
      [`"x\\ud83d"`, `"\\ude00\\ud83d"`, `"\\ude00y"`],
      [`"\\ud83d\\ude00"`, `"😀"`],
      [`"😀"`, `"\\ude00"`],
      [`u"a"`, `"b"`],
    ];
    compareAll(
      runs.map((r) => r.join(" ")),
      (i) =>
        outcomeOf(() => {
          const literals = runs[i]!.map(decodeStringLiteral);
          return { value: concatPyStr(literals.map((l) => l.value as PyStr)), kind: literals[0]!.kind };
        }),
    );
  });

  it("returns a plain string when nothing needs code points", () => {
    assert.equal(concatPyStr(["a", "😀", "b"]), "a😀b");
    assert.ok(concatPyStr(["\ud83d", "\ude00"]) instanceof PyStrCodePoints);
  });
});

describe("lookupUnicodeName (\\N{...})", () => {
  it("finds every character by its name, as unicodedata.name gives it", () => {
    const named = askPython<[number, string][]>(
      `
import unicodedata
def run(data):
    return [[cp, unicodedata.name(chr(cp))] for cp in range(0x110000) if unicodedata.name(chr(cp), None)]
`,
      null,
    );
    assert.ok(named.length > 130000, `only ${named.length} names`);
    const wrong = named.filter(([cp, name]) => lookupUnicodeName(name) !== cp).slice(0, 10);
    assert.deepEqual(wrong, []);
  });

  it("resolves names and every name alias case-insensitively, as CPython's \\N does", () => {
    const names: string[] = [];
    for (const aliases of [abbreviations, alternates, controls, corrections, figments]) {
      for (const list of Object.values(aliases)) for (const alias of list) names.push(alias, alias.toLowerCase());
    }
    names.push("Greek Small Letter Alpha", "latin capital letter a", "SPACE", "space ", " SPACE");
    const expected = askPython<(number | null)[]>(
      String.raw`
import ast
def run(data):
    out = []
    for name in data:
        try:
            out.append(ord(ast.literal_eval('"\\N{%s}"' % name)))
        except SyntaxError:
            out.append(None)
    return out
`,
      names,
    );
    const actual = names.map((n) => lookupUnicodeName(n) ?? null);
    const wrong = names.filter((_, i) => actual[i] !== expected[i]).slice(0, 10);
    assert.deepEqual(wrong, []);
  });
});
