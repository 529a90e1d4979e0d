// The compiler's own diagnostics for programs it refuses: the message, and the line and column of the
// construct it blames (CPython runs many of these programs, so it cannot be the referee here).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileToIr } from "../src/compile-to-ir.js";
import { SemanticError } from "../src/semantic-error.js";

interface Expectation {
  message: string | RegExp;
  line: number;
  col: number;
  help?: string | RegExp;
}

function refuses(source: string, expected: Expectation): void {
  let error: unknown = null;
  try {
    compileToIr(source, "t.py");
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof SemanticError, `expected a SemanticError, got ${String(error)}`);
  if (typeof expected.message === "string") assert.equal(error.message, expected.message);
  else assert.match(error.message, expected.message);
  assert.deepEqual([error.span.lineno, error.span.col_offset], [expected.line, expected.col]);
  if (expected.help !== undefined) {
    assert.ok(error.help !== null, "expected a help line");
    if (typeof expected.help === "string") assert.equal(error.help, expected.help);
    else assert.match(error.help, expected.help);
  }
}

function accepts(source: string): void {
  compileToIr(source, "t.py");
}

describe("undefined names", () => {
  it("suggests the closest visible name", () => {
    refuses("total = 0\nfor i in range(3):\n    totl += i\n", {
      message: "name 'totl' is not defined",
      line: 3,
      col: 4,
      help: "did you mean 'total'?",
    });
  });
  it("explains updating a module variable from a function without `global`", () => {
    refuses("count = 0\ndef bump():\n    count += 1\nbump()\n", {
      message: "local variable 'count' is updated before it is assigned",
      line: 3,
      col: 4,
      help: "to update the module's 'count', declare it first: global count",
    });
  });
  it("suggests a builtin", () => {
    refuses("prnt(1)\n", { message: "name 'prnt' is not defined", line: 1, col: 0, help: "did you mean 'print'?" });
  });
  it("suggests a parameter inside a function", () => {
    refuses("def f(count):\n    return cout + 1\nprint(f(1))\n", {
      message: "name 'cout' is not defined",
      line: 2,
      col: 11,
      help: "did you mean 'count'?",
    });
  });
  it("gives no suggestion when nothing is close", () => {
    let error: unknown;
    try {
      compileToIr("print(zzzzqqq)\n", "t.py");
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof SemanticError);
    assert.equal(error.help, null);
  });
});

describe("unsupported constructs", () => {
  const cases: [string, string, number, number][] = [
    ["class A:\n    pass\n", "unsupported: class definition", 1, 0],
    // Values of different classes make a union, told apart at run time, and sibling displays are made
    // one type; two lists made apart, of different element types, are not told apart.
    ["a = [1]\nx = [a, ['a']]\n", "unsupported: a list of mixed types (list[int] and list[str])", 2, 8],
    ["try:\n    pass\nexcept ValueError:\n    pass\n", "unsupported: try statement", 1, 0],
    [
      "f = lambda x: x\n",
      "unsupported: lambda except as a function applied to each element (a key of sorted, min, max or list.sort; map; filter) or combining them (functools.reduce, itertools.accumulate)",
      1,
      4,
    ],
    ["import json\n", "unsupported: module 'json'", 1, 7],
    ["import os.environ\n", "unsupported: module 'os.environ'", 1, 7],
    ["def f():\n    def g():\n        pass\n", "unsupported: nested function definition", 2, 4],
    ["for c in 3:\n    print(c)\n", "'int' object is not iterable", 1, 9],
    ["x = 'a'.nosuch()\n", "'str' object has no attribute 'nosuch'", 1, 4],
    ["t = tuple([1, 2])\n", "unsupported: tuple() of a list (its length would not be static)", 1, 4],
  ];
  for (const [source, message, line, col] of cases) {
    it(message, () => refuses(source, { message, line, col }));
  }
});

describe("types", () => {
  it("names the variable, both types and where each came from", () => {
    refuses("x = [1]\nprint(x)\nx = ['two']\n", {
      message: "'x' cannot have one static type: it is list[int] (line 1) and list[str] here",
      line: 3,
      col: 0,
      help: /separate variable/,
    });
  });
  it("reports a function that returns two types", () => {
    refuses("def f(n):\n    if n:\n        return {1}\n    return {'one'}\nprint(f(1))\n", {
      message: "'f' returns set[int] (line 3) but also returns set[str]",
      line: 4,
      col: 11,
    });
  });
  it("refuses arithmetic on a value that may be None (a function that can fall off its end)", () => {
    refuses("def f(n):\n    if n > 0:\n        return n\nprint(f(1) + 1)\n", {
      message: "unsupported: an operand of type int | None: it may be None",
      line: 4,
      col: 6,
    });
  });
  it("checks annotations instead of trusting them", () => {
    refuses("def half(n: int) -> int:\n    return n / 2\nprint(half(3))\n", {
      message: "'half' is annotated to return int but returns float",
      line: 2,
      col: 11,
    });
    refuses("def f(x: int):\n    return x\nprint(f(1.5))\n", {
      message: "argument 'x' of f() is annotated int but this call passes float",
      line: 3,
      col: 8,
    });
  });
  it("specialises an unannotated function per argument types", () => {
    const module = compileToIr("def twice(x):\n    return x + x\nprint(twice(2), twice(2.5))\n", "t.py");
    const names = module.functions.map((f) => f.name).sort();
    assert.deepEqual(names, ["py.<module>", "py.twice", "py.twice.1"]);
  });
  it("infers the return type of recursive and mutually recursive functions", () => {
    accepts(
      "def is_even(n):\n    return True if n == 0 else is_odd(n - 1)\n" +
        "def is_odd(n):\n    return False if n == 0 else is_even(n - 1)\n" +
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n" +
        "print(is_even(10), fib(10))\n",
    );
  });
  it("refuses a function that can only recurse", () => {
    refuses("def f(n):\n    return f(n)\nprint(f(1))\n", {
      message: "cannot infer the return type of 'f': every path recurses forever",
      line: 1,
      col: 0,
    });
  });
  it("rejects operands of and/or used as values whose types do not join", () => {
    refuses("a = [1]\nb = ['x']\ny = a or b\n", {
      message:
        "the operands of 'or' have types that do not join (list[int], list[str]), so its value has no single type",
      line: 3,
      col: 4,
    });
  });
  it("accepts mixed operands of and/or in conditions", () => {
    accepts("x = 1\ns = 'a'\nif x and s:\n    print(1)\n");
  });
});
