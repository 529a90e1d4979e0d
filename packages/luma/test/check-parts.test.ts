// The checker's parts on their own: types interned as data, the "did you mean" distance, and the
// format string parser.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { closestName, editDistance } from "../src/checker/closest-name.js";
import { parseFormatString } from "../src/checker/format-strings.js";
import { optionType, resultType } from "../src/checker/prelude.js";
import { lumaTypes } from "../src/index.js";
import { check, checkClean } from "./check-helpers.js";

const { scalarTypes, TypeInterner } = lumaTypes;

describe("types as data", () => {
  test("a type built twice from the same parts is one object, spelled as the language writes it", () => {
    const types = new TypeInterner();
    const { i64, f64, string } = scalarTypes;
    assert.equal(types.array(i64), types.array(i64));
    assert.notEqual(types.array(i64), types.array(f64));
    assert.equal(types.map(string, types.array(f64)), types.map(string, types.array(f64)));
    assert.equal(types.function([i64, f64], scalarTypes.bool), types.function([i64, f64], scalarTypes.bool));
    assert.equal(optionType(types, i64), optionType(types, i64));
    const spelled = [
      types.fixedArray(i64, 3),
      types.array(types.rc(string)),
      types.map(string, types.weak(f64)),
      types.pointer(scalarTypes.u8),
      types.function([i64], scalarTypes.unit),
      types.function([], types.function([f64], f64)),
      resultType(types, types.array(i64), string),
    ].map((type) => type.text);
    assert.deepEqual(spelled, [
      "[3]i64",
      "Array<rc<string>>",
      "Map<string, weak<f64>>",
      "ptr<u8>",
      "func(i64)",
      "func() -> func(f64) -> f64",
      "Result<Array<i64>, string>",
    ]);
  });

  test("a generic struct is instantiated once per type arguments across a program", () => {
    const program = checkClean(`
struct Pair<A, B> { a: A, b: B }
func main() { let p = Pair { a: 1, b: 2.0 }; let q: Pair<i64, f64> = p; let r = Pair { a: 1.0, b: 2 }; }
`);
    const main = program.instances.find((instance) => instance.name === "main")!;
    const types = [...main.body!.locals.values()].map((local) => local.type);
    assert.equal(types[0], types[1]);
    assert.notEqual(types[0], types[2]);
    assert.deepEqual(
      types.map((type) => type.text),
      ["Pair<i64, f64>", "Pair<i64, f64>", "Pair<f64, i64>"],
    );
  });
});

describe("types of shared parts", () => {
  test("a type far bigger written out than held is checked in its held size, its spelling cut short", () => {
    const lets = Array.from({ length: 40 }, (_, i) => `    let v${i + 1} = Pair { a: v${i}, b: v${i} };`);
    const source = `struct Pair<A, B> { a: A, b: B }\nfunc main() {\n    let v0 = 1;\n${lets.join("\n")}\n    let same = v40 == v40;\n    let wrong: i64 = v40;\n}\n`;
    const [mismatch, ...others] = check(source).diagnostics;
    assert.deepEqual(others, []);
    assert.equal(mismatch?.code, "E0200");
    assert.ok(mismatch!.message.startsWith("expected i64, found Pair<Pair<"), mismatch!.message);
    assert.ok(mismatch!.message.endsWith("…") && mismatch!.message.length < 300, mismatch!.message);
  });
});

describe("did you mean", () => {
  test("the closest candidate within a third of the name's length; a swap of neighbours costs one", () => {
    assert.equal(editDistance("nrom", "norm"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(closestName("fob", ["main", "fib", "foo_bar"]), "fib");
    assert.equal(closestName("nrom", ["len", "norm", "new"]), "norm");
    assert.equal(closestName("POINT", ["Point", "Pint"]), "Point");
    assert.equal(closestName("xyz", ["main", "fib"]), null);
    assert.equal(closestName("fib", ["fib"]), null);
  });
});

describe("format strings", () => {
  test("text, escaped braces and placeholders with alignment, width and precision", () => {
    assert.deepEqual(parseFormatString("a {{b}} {} {:>8}{:<3}{:.2}{:10.4}!"), {
      pieces: [
        { kind: "text", text: "a {b} " },
        { kind: "placeholder", argument: 0, align: null, width: null, precision: null },
        { kind: "text", text: " " },
        { kind: "placeholder", argument: 1, align: ">", width: 8, precision: null },
        { kind: "placeholder", argument: 2, align: "<", width: 3, precision: null },
        { kind: "placeholder", argument: 3, align: null, width: null, precision: 2 },
        { kind: "placeholder", argument: 4, align: null, width: 10, precision: 4 },
        { kind: "text", text: "!" },
      ],
    });
    assert.deepEqual(parseFormatString(""), { pieces: [] });
  });

  test("an unmatched brace or an unknown specification, with where it is", () => {
    assert.deepEqual(parseFormatString("ab}c"), {
      message: "unmatched `}` in the format string; write `}}` for a brace",
      index: 2,
      length: 1,
    });
    assert.deepEqual(parseFormatString("x {"), {
      message: "unclosed `{` in the format string; write `{{` for a brace",
      index: 2,
      length: 1,
    });
    assert.deepEqual(parseFormatString("{:^5}"), {
      message: "invalid placeholder `{:^5}`: write `{}`, `{:>8}`, `{:<8}`, `{:.3}` or `{:8.3}`",
      index: 0,
      length: 5,
    });
  });
});
