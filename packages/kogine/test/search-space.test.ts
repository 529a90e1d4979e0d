import assert from "node:assert/strict";
import { test } from "node:test";
import { KogineError } from "../src/errors.js";
import { displayValue, overrideValue, parseSearchSpace } from "../src/search-space.js";

test("--search parses every kind", () => {
  const space = parseSearchSpace([
    "lr=loguniform:1e-5:1e-1",
    "dropout=uniform:0:0.5",
    "layers=int:1:8",
    "width=logint:16:1024",
    "act=choice:relu,tanh,4,0.5",
  ]);
  assert.deepEqual(space, [
    { name: "lr", kind: "loguniform", low: 1e-5, high: 0.1 },
    { name: "dropout", kind: "uniform", low: 0, high: 0.5 },
    { name: "layers", kind: "int", low: 1, high: 8 },
    { name: "width", kind: "logint", low: 16, high: 1024 },
    { name: "act", kind: "choice", choices: ["relu", "tanh", "4", "0.5"] },
  ]);
  const act = space[4];
  assert.deepEqual(
    [0, 1, 2, 3].map((i) => displayValue(act, i)),
    ["relu", "tanh", 4, 0.5],
  );
  assert.deepEqual(overrideValue(act, 2), { $raw: "4" });
  assert.equal(overrideValue(space[0], 0.001), 0.001);
});

test("a choice value may hold a comma written as \\,", () => {
  const [param] = parseSearchSpace(["sep=choice:a\\,b,c"]);
  assert.deepEqual(param, { name: "sep", kind: "choice", choices: ["a,b", "c"] });
});

test("bad --search arguments are rejected with the argument and the problem", () => {
  const cases: Array<[string[], RegExp]> = [
    [["lr"], /--search lr: expected NAME=KIND:ARGS/],
    [["1x=uniform:0:1"], /--search 1x=uniform:0:1: expected NAME=KIND:ARGS with NAME a variable name/],
    [["lr=normal:0:1"], /--search lr=normal:0:1: unknown kind "normal"; expected one of uniform, loguniform/],
    [["lr=uniform:0"], /--search lr=uniform:0: uniform needs two bounds/],
    [["lr=uniform:a:1"], /--search lr=uniform:a:1: bound "a" is not a number/],
    [["lr=uniform:1:1"], /low bound must be below the high bound \(got 1 and 1\)/],
    [["lr=loguniform:0:1"], /--search lr=loguniform:0:1: loguniform needs a low bound above 0/],
    [["n=int:1.5:4"], /--search n=int:1.5:4: int needs whole-number bounds/],
    [["n=logint:0:4"], /logint needs a low bound above 0/],
    [["a=choice:"], /--search a=choice:: choice needs values separated by commas/],
    [["a=choice:x,,y"], /none of them empty/],
    [["a=choice:x,x"], /choice lists a value twice/],
    [["a=uniform:0:1", "a=choice:x,y"], /--search a=choice:x,y: a is already searched/],
  ];
  for (const [args, message] of cases) {
    assert.throws(
      () => parseSearchSpace(args),
      (error: unknown) => error instanceof KogineError && message.test(error.message),
      args.join(" "),
    );
  }
});
