/**
 * reprConstant must equal CPython's repr() for every kind of Constant value. Each group of values
 * goes to python3 in one batch, and CPython's own repr is the expected answer.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPrintable, reprConstant } from "../src/constant-repr.js";
import { PyBytes, PyComplex, PyEllipsis, PyStrCodePoints } from "../src/constant-value.js";
import { askPython, toHex } from "./python-oracle.js";
import { seededRandom as random } from "./seeded-random.js";

function assertAllEqual(expected: readonly string[], actual: readonly string[], inputs: readonly unknown[]): void {
  assert.equal(actual.length, expected.length);
  const failures: string[] = [];
  for (let i = 0; i < expected.length && failures.length < 10; i++) {
    if (actual[i] !== expected[i]) {
      failures.push(`${JSON.stringify(inputs[i])}: CPython ${expected[i]} ours ${actual[i]}`);
    }
  }
  assert.deepEqual(failures, []);
}

describe("reprConstant: simple constants", () => {
  it("None, True, False, Ellipsis", () => {
    const expected = askPython<string[]>("def run(data): return [repr(v) for v in (None, True, False, ...)]", null);
    assert.deepEqual([null, true, false, PyEllipsis.instance].map(reprConstant), expected);
  });
});

describe("reprConstant: int", () => {
  const next = random(7);
  const values: bigint[] = [0n, 1n, -1n, 255n, 2n ** 63n, -(2n ** 64n), 10n ** 100n, 10n ** 4299n, 10n ** 4299n * 9n];
  for (let i = 0; i < 200; i++) {
    let v = 0n;
    const digits = 1 + Math.floor(next() * 60);
    for (let d = 0; d < digits; d++) v = v * 10n + BigInt(Math.floor(next() * 10));
    values.push(next() < 0.3 ? -v : v);
  }
  it("matches repr(int), up to CPython's 4300-digit limit", () => {
    const expected = askPython<string[]>("def run(data): return [repr(int(v)) for v in data]", values.map(String));
    assertAllEqual(
      expected,
      values.map((v) => reprConstant(v)),
      values.map(String),
    );
  });
  it("refuses ints over 4300 digits with CPython's ValueError message", () => {
    const huge = 10n ** 4300n;
    const expected = askPython<string>(
      `
def run(data):
    try:
        repr(int(data, 16))
    except ValueError as e:
        return str(e)
`,
      huge.toString(16),
    );
    // askPython gets the hex text: converting hex is not limited, repr is.
    assert.throws(() => reprConstant(huge), { message: expected });
  });
});

/** Float values as IEEE-754 bit patterns (hex), so nothing is lost on the way to Python. */
function floatBits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return Buffer.from(view.buffer).toString("hex");
}

function floatSamples(): number[] {
  const next = random(11);
  const values = [
    0,
    -0,
    1,
    -1,
    0.5,
    0.1,
    1 / 3,
    1e16,
    1e15,
    9999999999999998,
    1e-4,
    1e-5,
    0.0001,
    0.00009999999999999999,
    1.5e300,
    Number("123456789012345678"),
    Number("12345678901234567"),
    1e22,
    1e21,
    1e-7,
    5e-324,
    2.2250738585072014e-308,
    1.7976931348623157e308,
    Infinity,
    -Infinity,
    Number.NaN,
    100,
    1e100,
    123.456,
    -2.5e-10,
    0.3,
    2 ** 53,
    2 ** 53 + 2,
  ];
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 5000; i++) {
    // Random bit patterns cover every exponent; random "nice" decimals cover the common cases.
    view.setUint32(0, Math.floor(next() * 2 ** 32));
    view.setUint32(4, Math.floor(next() * 2 ** 32));
    values.push(view.getFloat64(0));
    values.push(Number((next() * 10 ** Math.floor(next() * 40 - 20)).toPrecision(1 + Math.floor(next() * 17))));
  }
  return values;
}

describe("reprConstant: float", () => {
  it("matches repr(float) for special, boundary and random values", () => {
    const values = floatSamples();
    const expected = askPython<string[]>(
      "import struct\ndef run(data): return [repr(struct.unpack('>d', bytes.fromhex(h))[0]) for h in data]",
      values.map(floatBits),
    );
    assertAllEqual(expected, values.map(reprConstant), values);
  });
});

describe("reprConstant: complex", () => {
  it("matches repr(complex), with and without a real part", () => {
    const parts = [0, -0, 1, -1.5, 1e20, 1e-5, 2.5, Infinity, -Infinity, Number.NaN, 1e16, 123456789.125];
    const pairs: [number, number][] = [];
    for (const real of parts) for (const imag of parts) pairs.push([real, imag]);
    const expected = askPython<string[]>(
      `
import struct
def run(data):
    f = lambda h: struct.unpack('>d', bytes.fromhex(h))[0]
    return [repr(complex(f(r), f(i))) for r, i in data]
`,
      pairs.map(([r, i]) => [floatBits(r), floatBits(i)]),
    );
    assertAllEqual(
      expected,
      pairs.map(([r, i]) => reprConstant(new PyComplex(r, i))),
      pairs,
    );
  });
});

describe("reprConstant: str", () => {
  it("isPrintable agrees with str.isprintable() on every code point (Unicode 14.0.0)", () => {
    // CPython answers with the boundaries where printability changes, starting from "printable".
    const changes = askPython<number[]>(
      `
def run(data):
    out, prev = [], True
    for cp in range(0x110000):
        p = chr(cp).isprintable()
        if p != prev:
            out.append(cp)
            prev = p
    return out
`,
      null,
    );
    let expected = true;
    let next = 0;
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (next < changes.length && changes[next] === cp) {
        expected = !expected;
        next++;
      }
      if (isPrintable(cp) !== expected && wrong.length < 10) wrong.push(cp);
    }
    assert.deepEqual(
      wrong.map((cp) => cp.toString(16)),
      [],
    );
  });

  it("matches repr(str): quotes, escapes, controls, non-printables, astral characters, lone surrogates", () => {
    const next = random(3);
    const strings = [
      "",
      "abc",
      "it's",
      'say "hi"',
      `both ' and "`,
      "back\\slash",
      "\t\n\r\x00\x1f\x7f\x80\x9f\xa0\xad\xff",
      "é😀\u200b\u0378\u2028\u2029\u3000\ufeff\ufffe\uffff",
      "\ud800",
      "\udfff x",
      "a\ud83d",
      "\u{10ffff}\u{e0001}\u{3ffff}\u{1f600}\u{f0000}",
      "'\"\\",
    ];
    for (let i = 0; i < 2000; i++) {
      let s = "";
      const length = 1 + Math.floor(next() * 6);
      for (let k = 0; k < length; k++) {
        const r = next();
        const cp =
          r < 0.3 ? Math.floor(next() * 0x80) : r < 0.6 ? Math.floor(next() * 0x800) : Math.floor(next() * 0x110000);
        s += String.fromCodePoint(cp);
      }
      strings.push(s);
    }
    const expected = askPython<string[]>("def run(data): return [repr(s) for s in data]", strings);
    assertAllEqual(expected, strings.map(reprConstant), strings);
  });

  it("matches repr(str) for a PyStrCodePoints (surrogates that stay separate code points)", () => {
    const lists = [
      [0xd83d, 0xde00],
      [0x61, 0xd800, 0xdc00, 0x27],
      [0x27, 0xdbff, 0xdfff, 0x1f600, 0x22],
      [0xd800, 0xdc00, 0x5c, 0x0a],
    ];
    const expected = askPython<string[]>("def run(data): return [repr(''.join(map(chr, cps))) for cps in data]", lists);
    assertAllEqual(
      expected,
      lists.map((cps) => reprConstant(new PyStrCodePoints(cps))),
      lists,
    );
  });
});

describe("reprConstant: bytes", () => {
  it("matches repr(bytes) for every byte and for the quote choices", () => {
    const values: Uint8Array[] = [];
    for (let b = 0; b < 256; b++) values.push(Uint8Array.of(b, 0x61));
    for (const text of ["", "it's", 'say "x"', `'"`, "\\", "a'b\"c\\"]) values.push(new Uint8Array(Buffer.from(text)));
    values.push(Uint8Array.from({ length: 256 }, (_, i) => i));
    const expected = askPython<string[]>(
      "def run(data): return [repr(bytes.fromhex(h)) for h in data]",
      values.map(toHex),
    );
    assertAllEqual(
      expected,
      values.map((v) => reprConstant(new PyBytes(v))),
      values.map(toHex),
    );
  });
});
