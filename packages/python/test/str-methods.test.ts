// Python's str methods against CPython: the runtime functions (runtime/py_str_*.c) through
// str_methods_harness.c on thousands of random cases that str_methods_referee.py answers, with the
// leak checker on; and the call table (src/str-methods.ts), whose refusals must be CPython's
// TypeErrors word for word and whose calls must fit the runtime catalogue.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { buildCHarness } from "@toolchain/compiler/testing";
import { PYTHON_RUNTIME } from "../src/build-python.js";
import { listOf, type PyType, pyTypes, tupleOf } from "../src/py-types.js";
import { lookupPythonRuntimeFunction } from "../src/runtime-library.js";
import { strMethodCall } from "../src/str-methods.js";

const HARNESS = fileURLToPath(new URL("../../test/str_methods_harness.c", import.meta.url));
const REFEREE = fileURLToPath(new URL("../../test/str_methods_referee.py", import.meta.url));

describe("str methods against CPython", () => {
  it("agree on random strings and on every code point, leaking nothing", async () => {
    const harness = await buildCHarness(HARNESS, "the str methods harness", PYTHON_RUNTIME);
    const referee = spawnSync("python3", [REFEREE, "1", "1500"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, PYTHONUTF8: "1" },
    });
    assert.equal(referee.status, 0, referee.stderr);
    const cases = referee.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split("\t") as [string, string]);
    assert.ok(cases.length > 50000);
    const run = spawnSync(harness, [], {
      input: `${cases.map(([command]) => command).join("\n")}\n`,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "leak check: 0 live objects\n");
    const answers = run.stdout.split("\n");
    const wrong = cases.flatMap(([command, expected], i) =>
      answers[i] === expected ? [] : [`${command}\n    CPython: ${expected}\n    runtime: ${answers[i]}`],
    );
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${cases.length} cases differ`);
  });
});

const { str, int, bool, float, none } = pyTypes;

/** A value of each type, as Python source, for asking CPython what a call does. */
function sample(type: PyType): string {
  switch (type.kind) {
    case "str":
      return "'a'"; // one character: a fill character the runtime takes
    case "int":
      return "1";
    case "bool":
      return "True";
    case "float":
      return "1.5";
    case "None":
      return "None";
    case "list":
      return `[${sample(type.parts[0]!)}]`;
    case "tuple":
      return `(${type.parts.map(sample).join(", ")},)`;
    default:
      throw new Error(`no sample of ${type.text}`);
  }
}

type Call = [name: string, args: PyType[], keywords?: [string, PyType][]];

const CALLS: Call[] = [
  ["split", []],
  ["split", [str]],
  ["split", [none, int]],
  ["split", [str, int]],
  ["split", [], [["maxsplit", int]]],
  [
    "split",
    [],
    [
      ["maxsplit", int],
      ["sep", str],
    ],
  ],
  ["split", [str], [["sep", str]]],
  ["split", [int]],
  ["split", [str, str]],
  ["split", [str, float]],
  ["split", [str, int, int]],
  ["split", [], [["x", int]]],
  ["split", [none, none]],
  ["rsplit", [str, bool]],
  ["rsplit", [], [["sep", none]]],
  ["splitlines", []],
  ["splitlines", [bool]],
  ["splitlines", [], [["keepends", bool]]],
  ["splitlines", [str]],
  ["splitlines", [none]],
  ["splitlines", [int, int]],
  ["join", [listOf(str)]],
  ["join", [int]],
  ["join", []],
  ["join", [], [["iterable", listOf(str)]]],
  ["strip", []],
  ["strip", [none]],
  ["lstrip", [str]],
  ["rstrip", [int]],
  ["strip", [str, str]],
  ["strip", [], [["chars", str]]],
  ["replace", [str, str]],
  ["replace", [str, str, int]],
  ["replace", [int, str]],
  ["replace", [str, int]],
  ["replace", [str, str, str]],
  ["replace", [str]],
  ["replace", [str, str, int, int]],
  ["replace", [str, str], [["count", int]]],
  ["find", [str]],
  ["find", [str, int, int]],
  ["find", [str, none, int]],
  ["rfind", [str, bool]],
  ["index", [int]],
  ["rindex", []],
  ["count", [str, int, int, int]],
  ["count", [str, str]],
  ["find", [str, float]],
  ["find", [], [["sub", str]]],
  ["startswith", [str]],
  ["startswith", [tupleOf([str, str]), int]],
  ["endswith", [tupleOf([str]), none, int]],
  ["startswith", [int]],
  ["startswith", [listOf(str)]],
  ["endswith", [tupleOf([str, int])]],
  ["startswith", []],
  ["startswith", [str, int, int, int]],
  ["endswith", [str, str]],
  ["upper", []],
  ["upper", [int]],
  ["isdigit", [str]],
  ["title", [], [["x", int]]],
  ["istitle", []],
  ["zfill", [int]],
  ["zfill", [str]],
  ["zfill", []],
  ["zfill", [int, int]],
  ["zfill", [], [["width", int]]],
  ["center", [int]],
  ["center", [int, str]],
  ["ljust", [int, int]],
  ["rjust", [str]],
  ["center", []],
  ["center", [int, str, int]],
  ["center", [none]],
  ["expandtabs", []],
  ["expandtabs", [int]],
  ["expandtabs", [], [["tabsize", int]]],
  ["expandtabs", [str]],
  ["expandtabs", [int, int]],
  ["partition", [str]],
  ["rpartition", [int]],
  ["partition", []],
  ["partition", [str, str]],
  ["removeprefix", [str]],
  ["removesuffix", [int]],
  ["removeprefix", [], [["prefix", str]]],
  ["casefold", []],
  ["swapcase", []],
  ["isidentifier", []],
];

/** What CPython says of each call: "ok" or its TypeError's message. */
function cpythonVerdicts(calls: readonly Call[]): string[] {
  const lines = calls.map(([name, args, keywords = []]) => {
    const parts = [...args.map(sample), ...keywords.map(([k, t]) => `${k}=${sample(t)}`)];
    return `'x'.${name}(${parts.join(", ")})`;
  });
  const program = `import json, sys
out = []
for source in json.loads(sys.stdin.read()):
    try:
        eval(source)
        out.append("ok")
    except TypeError as e:
        out.append(str(e))
print(json.dumps(out))`;
  const run = spawnSync("python3", ["-c", program], { input: JSON.stringify(lines), encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe("the str method table", () => {
  it("refuses a call exactly when CPython raises TypeError, with CPython's message", () => {
    const verdicts = cpythonVerdicts(CALLS);
    const wrong = CALLS.flatMap(([name, args, keywords = []], i) => {
      const answer = strMethodCall(
        name,
        args,
        keywords.map(([k, type]) => ({ name: k, type })),
      );
      const ours = "error" in answer ? answer.error : "ok";
      return ours === verdicts[i] ? [] : [`${name}(${args.map((t) => t.text)}): CPython ${verdicts[i]}; ours ${ours}`];
    });
    assert.deepEqual(wrong, []);
  });

  it("calls catalogued runtime functions with as many arguments as they take", () => {
    for (const [name, args, keywords = []] of CALLS) {
      const answer = strMethodCall(
        name,
        args,
        keywords.map(([k, type]) => ({ name: k, type })),
      );
      if ("error" in answer) continue;
      const f = lookupPythonRuntimeFunction(answer.runtime);
      assert.ok(f !== undefined, `${answer.runtime} is not catalogued`);
      assert.equal(f.params.length, 1 + answer.args.length, `${name}: ${answer.runtime}`);
    }
  });

  it("fills omitted optional parameters with CPython's defaults", () => {
    assert.deepEqual(strMethodCall("split", [], []), {
      runtime: "py_str_split_whitespace",
      args: [{ constant: -1n }],
      result: listOf(str),
    });
    assert.deepEqual(strMethodCall("split", [], [{ name: "maxsplit", type: int }]), {
      runtime: "py_str_split_whitespace",
      args: [0],
      result: listOf(str),
    });
    assert.deepEqual(
      strMethodCall(
        "split",
        [],
        [
          { name: "maxsplit", type: int },
          { name: "sep", type: str },
        ],
      ),
      { runtime: "py_str_split", args: [1, 0], result: listOf(str) },
    );
    assert.deepEqual(strMethodCall("find", [str, none, int], []), {
      runtime: "py_str_find",
      args: [0, { constant: 0n }, 2],
      result: int,
    });
    assert.deepEqual(strMethodCall("center", [int], []), {
      runtime: "py_str_center",
      args: [0, { constant: " " }],
      result: str,
    });
    assert.deepEqual(strMethodCall("startswith", [tupleOf([str, str])], []), {
      runtime: "py_str_startswith_tuple",
      args: [0, { constant: 0n }, { constant: (1n << 63n) - 1n }],
      result: bool,
    });
  });
});
