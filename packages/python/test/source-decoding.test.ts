/**
 * decodeSource against CPython's `ast.parse(bytes)`. Most sources end with an assignment of a raw
 * triple-quoted string, whose value CPython reports: that is the decoded text CPython saw, and it
 * must equal the same stretch of our decoded text. Errors must carry CPython's message.
 */

import assert from "node:assert/strict";
import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CODECS } from "../src/python-codecs.js";
import { decodeSource, undecodableBytesMessage } from "../src/source-decoding.js";
import { decodeStringLiteral } from "../src/string-literal.js";
import { PySyntaxError } from "../src/syntax-error.js";
import { listPyFiles, stdlibDir } from "./cpython-referee.js";
import { askPython, fromHex, toHex } from "./python-oracle.js";

type Outcome = { ok: true; payload: string | null } | { ok: false; msg: string; lineno: number; offset: number };

/** CPython's outcome: the last assigned string constant, or the SyntaxError (None as 0 / -1). */
const CPYTHON_PARSE = `
import ast
def outcome(data):
    try:
        tree = ast.parse(data)
    except SyntaxError as e:
        return {"ok": False, "msg": e.msg, "lineno": e.lineno or 0,
                "offset": -1 if e.offset is None else e.offset}
    values = [n.value.value for n in tree.body
              if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
              and isinstance(n.value.value, str)]
    return {"ok": True, "payload": values[-1] if values else None}

def run(data):
    return [outcome(bytes.fromhex(h)) for h in data]
`;

const PAYLOAD_OPEN = 'r"""';

/** Our outcome, in CPython's terms: the text between the last `r"""` and the `"""` after it. */
function ours(bytes: Uint8Array): Outcome {
  let text: string;
  try {
    text = decodeSource(bytes, "<test>");
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { ok: false, msg: e.msg, lineno: e.lineno, offset: e.offset };
  }
  const open = text.lastIndexOf(PAYLOAD_OPEN);
  if (open === -1) return { ok: true, payload: null };
  const start = open + PAYLOAD_OPEN.length;
  return { ok: true, payload: text.slice(start, text.indexOf('"""', start)) };
}

function compareAll(sources: readonly Uint8Array[], label: (i: number) => string): void {
  const expected = askPython<Outcome[]>(CPYTHON_PARSE, sources.map(toHex));
  const failures: string[] = [];
  sources.forEach((source, i) => {
    const actual = ours(source);
    if (JSON.stringify(actual) !== JSON.stringify(expected[i])) {
      failures.push(`${label(i)}:\n  CPython ${JSON.stringify(expected[i])}\n  ours    ${JSON.stringify(actual)}`);
    }
  });
  assert.equal(failures.length, 0, failures.slice(0, 8).join("\n"));
}

const bytesOf = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  new Uint8Array(
    Buffer.concat(
      parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p as Uint8Array | number[]))),
    ),
  );
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "utf8"));
const BOM = [0xef, 0xbb, 0xbf];

/** A file declaring `cookie` on its first line, with `payload` (raw bytes) in the final string. */
const withCookie = (cookie: string, payload: number[] | string = [0xe9]): Uint8Array =>
  bytesOf(`# -*- coding: ${cookie} -*-\nx = ${PAYLOAD_OPEN}`, typeof payload === "string" ? payload : payload, '"""\n');

describe("decodeSource: coding cookies, BOM, newlines", () => {
  it("decodes each source as CPython does, or fails with its message", () => {
    const cases: [string, Uint8Array][] = [
      ["ASCII", utf8('x = r"""abc"""\n')],
      ["UTF-8", utf8('x = r"""é😀\u200b"""\n')],
      ["empty file", new Uint8Array()],
      ["no final newline", utf8('x = r"""é"""')],
      ["CRLF", utf8('y = 1\r\nx = r"""a\r\nb\rc\n"""\r\n')],
      ["CR only", utf8('y = 1\rx = r"""a\rb"""\r')],
      ["BOM", bytesOf(BOM, utf8('x = r"""é"""\n'))],
      ["BOM and utf-8 cookie", bytesOf(BOM, withCookie("utf-8", [...utf8("é")]))],
      ["BOM and UTF_8 cookie", bytesOf(BOM, withCookie("UTF_8", [...utf8("é")]))],
      ["BOM and utf-8-sig cookie", bytesOf(BOM, withCookie("utf-8-sig", [...utf8("é")]))],
      ["BOM and utf8 cookie", bytesOf(BOM, withCookie("utf8", [...utf8("é")]))],
      ["BOM and latin-1 cookie", bytesOf(BOM, withCookie("latin-1"))],
      ["cookie on line 2 after a comment", bytesOf('#!/usr/bin/env python\n# coding: latin-1\nx = r"""\xe9"""\n')],
      ["cookie on line 2 after a blank line", bytesOf('\n# coding: latin-1\nx = r"""\xe9"""\n')],
      ["cookie on line 2 after spaces", bytesOf('  \t\f\n# coding: latin-1\nx = r"""\xe9"""\n')],
      ["cookie on line 2 after code", bytesOf('y = 1\n# coding: latin-1\nx = r"""\xc3\xa9"""\n')],
      ["cookie on line 2 after a backslash", bytesOf("\\\n# coding: foobar\nx = 1\n")],
      ["cookie on line 3", bytesOf("#\n#\n# coding: foobar\nx = 1\n")],
      ["cookie line 2 over line 1 unknown", bytesOf("# nothing\n# coding: foobar\n")],
      ["cookie after code on line 1", bytesOf("x = 1 # coding: foobar\n")],
      ["vim style", bytesOf('# vim: set fileencoding=latin-1 :\nx = r"""\xe9"""\n')],
      ["coding=", bytesOf('#coding=latin-1\nx = r"""\xe9"""\n')],
      ["coding: with a tab", bytesOf('# coding:\tlatin-1\nx = r"""\xe9"""\n')],
      ["indented cookie", bytesOf('   # coding: latin-1\nx = r"""\xe9"""\n')],
      ["form feed before cookie", bytesOf('\f# coding: latin-1\nx = r"""\xe9"""\n')],
      ["coding without colon", bytesOf('# coding latin-1\nx = r"""\xc3\xa9"""\n')],
      ["empty coding name", bytesOf('# coding: \nx = r"""\xc3\xa9"""\n')],
      ["cookie with CRLF", bytesOf('# coding: latin-1\r\nx = r"""\xe9\r\n"""\r\n')],
      ["cookie only, no newline", bytesOf("# coding: foobar")],
      ["short cookie line", bytesOf('#coding:l1\nx = r"""\xe9"""\n')],
      ["NUL byte", bytesOf("x = 1\0\n")],
      ["NUL byte after cookie", bytesOf("# coding: latin-1\nx = '\0'\n")],
      ["invalid UTF-8 in a comment", bytesOf('# \xff\xfe\nx = r"""\xc3\xa9""" # \xe9\n')],
      ["invalid UTF-8 in a comment, utf8 cookie", bytesOf("# coding: utf8\n# \xff\nx = 1\n")],
      ["invalid UTF-8 in a comment, utf-8 cookie", bytesOf("# coding: utf-8\n# \xff\nx = 1\n")],
      ["ascii with a non-ASCII byte", bytesOf("# coding: ascii\nx = 1 # \xff\n")],
      ["cp1252 undefined byte", withCookie("cp1252", [0x81])],
      ["cp1252 defined byte", withCookie("cp1252", [0x80, 0x93])],
    ];
    for (const name of [
      "latin-1",
      "LATIN-1",
      "latin_1",
      "latin1",
      "Latin-1-unix",
      "iso-8859-1",
      "ISO_8859_1",
      "iso8859-1",
      "iso-latin-1",
      "iso-8859-1x",
      "ISO-8859-1-Windows-3.1-Latin-1",
      "l1",
      "iso-8859-15",
      "iso8859_15",
      "latin9",
      "cp1252",
      "windows-1252",
      "koi8-r",
      "KOI8_R",
      "koi8_u",
      "cp437",
      "mac-roman",
      "macintosh",
      "utf8",
      "UTF8",
      "utf-8-sig",
      "utf8-sig",
      "utf-8x",
      "ascii",
      "us-ascii",
      "646",
      "foobar",
      "latin.1",
      "iso.8859.1",
      "rot13",
      "rot_13",
      "hex",
      "base64",
      "zlib",
      "uu",
      "mbcs",
      "aliases",
      "utf-8.x",
    ]) {
      cases.push([`cookie ${name}`, withCookie(name, name.includes("utf") ? [...utf8("é")] : [0xe9])]);
    }
    compareAll(
      cases.map((c) => c[1]),
      (i) => cases[i]![0],
    );
  });

  it("passes on what CPython's tokenizer rejects later: a second BOM, bytes that are not UTF-8", () => {
    const cases: [Uint8Array, (text: string) => boolean][] = [
      [bytesOf(BOM, BOM, utf8("x = 1\n")), (text) => text.startsWith("\ufeffx = 1")],
      [bytesOf([0xef, 0xbb], utf8("x = 1\n")), (text) => text.startsWith("\udcef\udcbbx = 1")],
      [bytesOf("y = 1\n# coding: latin-1\nx = 1 + \xff\n"), (text) => text.endsWith("x = 1 + \udcff\n")],
    ];
    const expected = askPython<Outcome[]>(
      CPYTHON_PARSE,
      cases.map((c) => toHex(c[0])),
    );
    cases.forEach(([source, check], i) => {
      assert.ok(!expected[i]!.ok && expected[i]!.lineno > 0, "CPython rejects it while tokenizing");
      assert.ok(check(decodeSource(source, "<test>")), JSON.stringify(decodeSource(source, "<test>")));
    });
  });

  it("appends the final newline CPython appends (twice after a final CRLF)", () => {
    // "(detected at line N)" of an unterminated string tells how many lines CPython saw.
    const endings = ["", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r\n", "\r\n\n"];
    const sources = endings.map((e) => bytesOf('x = """a', e));
    const messages = askPython<string[]>(
      `
import ast
def run(data):
    out = []
    for h in data:
        try:
            ast.parse(bytes.fromhex(h))
        except SyntaxError as e:
            out.append(e.msg)
    return out
`,
      sources.map(toHex),
    );
    endings.forEach((ending, i) => {
      const lines = decodeSource(sources[i]!, "<test>").split("\n").length - 1;
      assert.equal(
        messages[i],
        `unterminated triple-quoted string literal (detected at line ${lines})`,
        JSON.stringify(ending),
      );
    });
  });
});

describe("decodeSource: single-byte codecs", () => {
  it("decodes every high byte of every ASCII-compatible charmap codec as CPython does", () => {
    const codecs = Object.entries(CODECS)
      .filter(([, codec]) => codec.kind === "charmap" && codec.low === undefined)
      .map(([name]) => name);
    assert.ok(codecs.length > 40);
    const cases: [string, Uint8Array][] = [];
    for (const codec of codecs) {
      const high = (CODECS[codec] as { high: string }).high;
      for (let b = 0x80; b < 0x100; b++) {
        // A few codecs map a high byte to '"' or '\\', which would end or escape the test's string.
        if (high[b - 0x80] === '"' || high[b - 0x80] === "\\") continue;
        cases.push([`${codec} 0x${b.toString(16)}`, withCookie(codec, [b])]);
      }
    }
    compareAll(
      cases.map((c) => c[1]),
      (i) => cases[i]![0],
    );
  });
});

describe("decodeSource: multibyte codecs", () => {
  it("decodes CJK text as CPython does, and rejects bad bytes with the codec's error", () => {
    const samples: [string, string][] = [
      ["euc_jp", "日本語のテキスト"],
      ["euc-jp", "ｶﾀｶﾅ"],
      ["shift_jis", "日本語のテキスト"],
      ["sjis", "ひらがな"],
      ["cp932", "①日本"],
      ["iso2022_jp", "日本語"],
      ["euc_kr", "한국어 텍스트"],
      ["cp949", "한국어"],
      ["big5", "中文字符"],
      ["cp950", "中文"],
      ["gbk", "中文字符"],
      ["gb2312", "中文字符"],
      ["gb18030", "中文字符😀"],
    ];
    const encoded = askPython<string[]>(
      String.raw`
def run(data):
    return [(b'# coding: %s\nx = r"""' % c.encode() + t.encode(c) + b'"""\n').hex() for c, t in data]
`,
      samples,
    );
    compareAll(encoded.map(fromHex), (i) => samples[i]!.join(" "));
    // The position TextDecoder lets us find is approximate; the codec and the reason match.
    for (const [codec, bad] of [
      ["euc_jp", [0xa4]],
      ["shift_jis", [0xff]],
      ["gbk", [0x81, 0x20]],
    ] as const) {
      assert.throws(
        () => decodeSource(withCookie(codec, [...bad]), "<test>"),
        (e: unknown) => e instanceof PySyntaxError && e.msg.startsWith(`'${codec}' codec can't decode byte`),
      );
    }
  });
});

describe("decodeSource: bytes that are not UTF-8", () => {
  const sequences = [
    [0xff],
    [0xc0, 0xaf],
    [0xe9],
    [0xe9, 0x41],
    [0xe9, 0xe9],
    [0xed, 0xa0, 0x80],
    [0xe0, 0x80, 0xaf],
    [0xf0, 0x9f, 0x98],
    [0xf0, 0x9f, 0x98, 0x20],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0xc3, 0xa9],
  ];

  it("keeps them, and string literals report them with CPython's message", () => {
    const prefixes = ["", "ab", "é", "\\n"];
    const sources: Uint8Array[] = [];
    for (const seq of sequences) {
      for (const prefix of prefixes) {
        sources.push(bytesOf(`x = "`, [...utf8(prefix)], seq, '"\n'));
        sources.push(bytesOf(`x = r"`, [...utf8(prefix)], seq, '"\n'));
      }
    }
    const expected = askPython<Outcome[]>(CPYTHON_PARSE, sources.map(toHex));
    sources.forEach((source, i) => {
      const text = decodeSource(source, "<test>");
      const token = text.slice(4, text.indexOf("\n"));
      const cpython = expected[i]!;
      assert.equal(cpython.ok, false);
      assert.throws(
        () => decodeStringLiteral(token),
        (e: unknown) => e instanceof PySyntaxError && e.msg === (cpython as { msg: string }).msg,
        `${toHex(source)}: CPython says ${JSON.stringify(cpython)}`,
      );
    });
  });

  it("round-trips: U+DC80..U+DCFF stand for exactly the original bytes", () => {
    for (const seq of sequences) {
      const source = bytesOf("# ", seq, "\nx = 1\n");
      const text = decodeSource(source, "<test>");
      assert.match(undecodableBytesMessage(text) ?? "", /^'utf-8' codec can't decode/);
      assert.equal(undecodableBytesMessage(text, text.indexOf("\n")), null);
    }
  });
});

describe("decodeSource: the standard library", () => {
  it("decodes every stdlib file with a BOM, a coding cookie, or bytes that are not UTF-8, as CPython does", () => {
    const root = stdlibDir();
    const files = listPyFiles(root)
      .map((path) => join(root, path))
      .filter((path) => {
        const data = readFileSync(path);
        const firstLines = data.subarray(0, 400).toString("latin1").split("\n").slice(0, 2).join("\n");
        return /coding[:=]/.test(firstLines) || data[0] === 0xef || !isUtf8(data);
      });
    assert.ok(files.length > 10, `only ${files.length} files`);
    // CPython's decoded text, rebuilt with Python's codecs: newline translation, BOM, the
    // encoding tokenize finds, surrogateescape for UTF-8 (what decodeSource keeps).
    const expected = askPython<({ text: string } | { error: string })[]>(
      String.raw`
import ast, io, tokenize
def run(paths):
    out = []
    for p in paths:
        data = open(p, "rb").read()
        try:
            ast.parse(data)
        except SyntaxError as e:
            if e.lineno == 0:
                out.append({"error": e.msg})
                continue
        crlf_end = data.endswith(b"\r\n")
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if not data.endswith(b"\n") or crlf_end:
            data += b"\n"
        try:
            enc = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
        except SyntaxError:  # tokenize insists on UTF-8 lines; the C tokenizer does not
            enc = "utf-8"
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if enc in ("utf-8", "utf-8-sig"):
            out.append({"text": data.decode("utf-8", "surrogateescape")})
        else:
            out.append({"text": data.decode(enc)})
    return out
`,
      files,
    );
    files.forEach((path, i) => {
      const cpython = expected[i]!;
      const source = readFileSync(path);
      if ("error" in cpython) {
        assert.throws(() => decodeSource(source, path), { msg: cpython.error }, path);
      } else {
        assert.equal(decodeSource(source, path), cpython.text, path);
      }
    });
  });
});
