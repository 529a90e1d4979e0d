/**
 * parseNumberLiteral must give the value CPython's parser gives each NUMBER token: same type, same
 * repr (so ints are exact and floats correctly rounded), and CPython's error for huge decimal ints.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { reprConstant } from "../src/constant-repr.js";
import { PyComplex } from "../src/constant-value.js";
import { LiteralError } from "../src/literal-error.js";
import { parseNumberLiteral } from "../src/number-literal.js";
import { askPython } from "./python-oracle.js";
import { seededRandom as random } from "./seeded-random.js";

/** Python's type name and repr of each literal's value, or the SyntaxError message. */
const CPYTHON = `
import ast
def run(data):
    out = []
    for text in data:
        try:
            value = ast.parse(text, mode="eval").body.value
            out.append([type(value).__name__, repr(value)])
        except SyntaxError as e:
            out.append(["SyntaxError", e.msg])
    return out
`;

function ours(text: string): [string, string] {
  try {
    const value = parseNumberLiteral(text);
    const type = typeof value === "bigint" ? "int" : typeof value === "number" ? "float" : "complex";
    assert.ok(type !== "complex" || value instanceof PyComplex);
    return [type, reprConstant(value)];
  } catch (e) {
    if (e instanceof LiteralError) return ["SyntaxError", e.msg];
    throw e;
  }
}

function literals(): string[] {
  const list = [
    "0",
    "00",
    "0_0",
    "7",
    "42",
    "255",
    "256",
    "999",
    "1_000",
    "123456789012345678901234567890",
    "0x1f",
    "0X_1F",
    "0o17",
    "0O_7",
    "0b1010",
    "0B_1_0",
    `0x${"f".repeat(500)}`,
    "1.",
    ".5",
    "1.5",
    "1e5",
    "1E-5",
    "1.e5",
    "0777.0",
    "0e0",
    "1_000.000_1e1_0",
    "1e400",
    "1e-400",
    "2.2250738585072011e-308",
    "4.9406564584124654e-324",
    "1.7976931348623157e308",
    "1.7976931348623159e308",
    "0.1",
    "1j",
    "1J",
    "0j",
    "1.5J",
    "1e3j",
    "1e400j",
    "1_0j",
    "00j",
    ".5j",
    `1${"0".repeat(4299)}`,
    `1${"0".repeat(4300)}`,
    `9_${"9".repeat(4300)}`,
    "0".repeat(5000),
    `1${"0".repeat(5000)}.0`,
    `1${"0".repeat(5000)}j`,
  ];
  const next = random(5);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join("");
  for (let i = 0; i < 1000; i++) {
    // Long mantissas and halfway cases are where rounding goes wrong, if it does.
    const mantissa = `${1 + Math.floor(next() * 9)}${digits(Math.floor(next() * 30))}`;
    const point = Math.floor(next() * (mantissa.length + 1));
    const exponent = next() < 0.5 ? `e${Math.floor(next() * 640) - 330}` : "";
    list.push(`${mantissa.slice(0, point)}.${mantissa.slice(point)}${exponent}`);
    list.push(`${mantissa}${next() < 0.5 ? "" : "j"}`);
  }
  return list;
}

describe("parseNumberLiteral", () => {
  it("gives CPython's value (type and repr) for every literal form", () => {
    const inputs = literals();
    const expected = askPython<[string, string][]>(CPYTHON, inputs);
    const failures: string[] = [];
    inputs.forEach((text, i) => {
      const actual = ours(text);
      if (actual[0] !== expected[i]![0] || actual[1] !== expected[i]![1]) {
        failures.push(`${text.slice(0, 60)}: CPython ${expected[i]} ours ${actual}`);
      }
    });
    assert.deepEqual(failures.slice(0, 10), []);
  });

  it("reports a huge decimal int at the token's lines, without columns", () => {
    assert.throws(
      () => parseNumberLiteral(`1${"0".repeat(4300)}`),
      (e: unknown) => e instanceof LiteralError && e.site === "token-lines",
    );
  });

  it("returns the same bigint for small ints (no parsing, no allocation)", () => {
    assert.equal(parseNumberLiteral("7"), 7n);
    assert.equal(parseNumberLiteral("255"), 255n);
  });
});
