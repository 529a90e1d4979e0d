// The standard-library modules the compiled subset offers, one row each: module name to its members,
// and for each member what it is (a constant, a value, a function), the type of a call given its
// argument types (or why it is refused), and how it is computed. Inference and lowering read this
// table instead of knowing modules by name, so a module is one row here plus its runtime functions.
//
// Most functions are calls of one runtime function per signature (`overloads`): the arguments are
// converted to the parameters' types and missing trailing ones take their defaults. A function whose
// computation is more than that (math's, sys.exit) names its module's own lowering instead, and one
// whose call is typed from its argument expressions, not their types alone (a function value, a
// factory class, a literal length), is module-call-inference.ts's to type.
//
// A row's name may be dotted: `os.path` is a module of its own (a member of kind "module" of the row
// `os`), and `os.environ` a namespace, a value whose methods are its row's members (it cannot be
// imported as a module, only named: `os.environ.get(key)`, `from os import environ`).

import { type CallTyping, MATH_CONSTANTS, MATH_NAMES, mathCallType } from "./builtin-signatures.js";
import { closestName } from "./closest-name.js";
import { iterationType } from "./container-inference.js";
import { isNumeric, listOf, optionalOf, type PyType, pyTypes, resolve, tupleOf, unify } from "./py-types.js";
import { type NodeSpan, SemanticError } from "./semantic-error.js";

/**
 * A parameter of a runtime call: an int (bool converts), a float (int and bool convert), None, or a
 * path (a str, passed as it is).
 */
export interface Parameter {
  readonly type: "int" | "float" | "None" | "path";
  /** Its value when the call leaves it out; a parameter with a default is not followed by one without. */
  readonly default?: number;
  /** A float only: CPython may return this argument itself, so an int would make an int result. */
  readonly strict?: boolean;
}

export interface Overload {
  readonly params: readonly Parameter[];
  /** The runtime function called with the int and float arguments (a None argument passes nothing). */
  readonly runtime: string;
}

export type ModuleMember =
  /** `value`: a str constant's text (the string module's); lowering knows the others by name. */
  | { readonly kind: "constant"; readonly type: PyType; readonly value?: string }
  /** A value usable only in the forms inference knows (sys.argv[i], len(sys.argv)). */
  | { readonly kind: "value" }
  /** A submodule (os.path) or a namespace (os.environ): the row `module.name` lists its members. */
  | { readonly kind: "module" | "namespace" }
  /** A function whose calls module-call-inference.ts types from their argument expressions. */
  | { readonly kind: "expression-function" }
  | {
      readonly kind: "function";
      /** The keyword arguments it takes, each a number (math.isclose's tolerances). */
      readonly keywords: readonly string[];
      /** The result type of a call with these positional argument types. */
      readonly type: (args: readonly PyType[]) => CallTyping;
      /** Its runtime calls, or null when its module's own lowering computes it. */
      readonly overloads: readonly Overload[] | null;
    };

const int: Parameter = { type: "int" };
const float: Parameter = { type: "float" };
const none: Parameter = { type: "None" };
const path: Parameter = { type: "path" };
const floatDefault = (value: number): Parameter => ({ type: "float", default: value });

function fitsParameter(arg: PyType, param: Parameter): boolean {
  if (param.type === "None") return arg === pyTypes.none;
  if (param.type === "path") return arg === pyTypes.str;
  if (param.type === "int") return arg === pyTypes.int || arg === pyTypes.bool;
  return param.strict === true ? arg === pyTypes.float : isNumeric(arg);
}

function takes(overload: Overload, count: number): boolean {
  const required = overload.params.filter((p) => p.default === undefined).length;
  return count >= required && count <= overload.params.length;
}

/** The overload a call with these argument types runs, if any. */
export function chooseOverload(overloads: readonly Overload[], args: readonly PyType[]): Overload | undefined {
  return overloads.find((o) => takes(o, args.length) && args.every((a, i) => fitsParameter(a, o.params[i]!)));
}

/** A function computed by runtime calls, returning `result`; `qualified` names it in messages. */
function runtimeFunction(qualified: string, result: PyType, overloads: readonly Overload[]): ModuleMember {
  const type = (args: readonly PyType[]): CallTyping => {
    if (chooseOverload(overloads, args) !== undefined) return result;
    if (!overloads.some((o) => takes(o, args.length))) {
      const min = Math.min(...overloads.map((o) => o.params.filter((p) => p.default === undefined).length));
      const max = Math.max(...overloads.map((o) => o.params.length));
      const count = min === max ? `${min}` : `${min} to ${max}`;
      return { error: `${qualified}() takes ${count} argument${max === 1 ? "" : "s"} (${args.length} given)` };
    }
    // CPython 3.11 takes an integral float where an int is expected, with a DeprecationWarning, and
    // raises ValueError for any other: the subset takes ints only.
    const floatForInt = args.findIndex(
      (a, i) => a === pyTypes.float && overloads.every((o) => !takes(o, args.length) || o.params[i]!.type === "int"),
    );
    if (floatForInt >= 0) {
      return {
        error: `unsupported: a float as argument ${floatForInt + 1} of ${qualified}() (deprecated since Python 3.10; pass an int)`,
      };
    }
    return { error: `unsupported: ${qualified}() of ${args.map((a) => a.text).join(", ")}` };
  };
  return { kind: "function", keywords: [], type, overloads };
}

/** A function its module's lowering computes. */
function ownFunction(type: (args: readonly PyType[]) => CallTyping, keywords: readonly string[] = []): ModuleMember {
  return { kind: "function", keywords, type, overloads: null };
}

function mathModule(): Map<string, ModuleMember> {
  return new Map(
    MATH_NAMES.map((name): [string, ModuleMember] => [
      name,
      MATH_CONSTANTS.has(name)
        ? { kind: "constant", type: pyTypes.float }
        : ownFunction((args) => mathCallType(name, args), name === "isclose" ? ["rel_tol", "abs_tol"] : []),
    ]),
  );
}

function sysExitType(args: readonly PyType[]): CallTyping {
  if (args.length > 1) return { error: "sys.exit() takes at most 1 argument" };
  const t = args[0] ?? pyTypes.none;
  if (t !== pyTypes.int && t !== pyTypes.bool && t !== pyTypes.str && t !== pyTypes.none) {
    return { error: `unsupported: sys.exit() of a ${t.text}` };
  }
  return pyTypes.none;
}

/** Lib/random.py's module-level functions (methods of its hidden generator), in py_random.c. */
function randomModule(): Map<string, ModuleMember> {
  const fn = (name: string, result: PyType, overloads: [Parameter[], string][]): [string, ModuleMember] => [
    name,
    runtimeFunction(
      `random.${name}`,
      result,
      overloads.map(([params, runtime]) => ({ params, runtime: `py_random_${runtime}` })),
    ),
  ];
  return new Map([
    fn("seed", pyTypes.none, [
      [[], "seed_os"],
      [[none], "seed_os"],
      [[int], "seed"],
    ]),
    fn("random", pyTypes.float, [[[], "random"]]),
    fn("getrandbits", pyTypes.int, [[[int], "getrandbits"]]),
    fn("randrange", pyTypes.int, [
      [[int], "randrange_stop"],
      [[int, int, { type: "int", default: 1 }], "randrange"],
    ]),
    fn("randint", pyTypes.int, [[[int, int], "randint"]]),
    fn("uniform", pyTypes.float, [[[float, float], "uniform"]]),
    fn("gauss", pyTypes.float, [[[floatDefault(0), floatDefault(1)], "gauss"]]),
    fn("expovariate", pyTypes.float, [[[float], "expovariate"]]),
    ["choice", ownFunction(choiceType)],
    ["shuffle", ownFunction(shuffleType)],
    ["sample", ownFunction(sampleType)],
    fn("triangular", pyTypes.float, [
      [[floatDefault(0), floatDefault(1)], "triangular"],
      [[float, float, none], "triangular"],
      // triangular(low, high, mode) is low itself when high == low.
      [[{ type: "float", strict: true }, float, float], "triangular_mode"],
    ]),
  ]);
}

/** random.choice(seq) of a list, tuple or str: an element. */
function choiceType(args: readonly PyType[]): CallTyping {
  if (args.length !== 1) return { error: `random.choice() takes exactly one argument (${args.length} given)` };
  const seq = resolve(args[0]!);
  if (seq.kind === "list") return seq.parts[0]!;
  if (seq === pyTypes.str) return pyTypes.str;
  return { error: `unsupported: random.choice() of ${seq.text} (a list or str)` };
}

function shuffleType(args: readonly PyType[]): CallTyping {
  if (args.length !== 1) return { error: `random.shuffle() takes exactly one argument (${args.length} given)` };
  if (resolve(args[0]!).kind !== "list") return { error: `unsupported: random.shuffle() of ${args[0]!.text} (a list)` };
  return pyTypes.none;
}

function sampleType(args: readonly PyType[]): CallTyping {
  if (args.length !== 2) return { error: `random.sample() takes 2 positional arguments (${args.length} given)` };
  const population = resolve(args[0]!);
  if (population.kind !== "list") return { error: `unsupported: random.sample() of ${population.text} (a list)` };
  if (args[1] !== pyTypes.int && args[1] !== pyTypes.bool) {
    return { error: `'${args[1]!.className}' object cannot be interpreted as an integer` };
  }
  return population;
}

/** heapq's and bisect's functions of a list (and an item): typed here, lowered by module-calls.ts. */
function listModule(names: readonly string[]): Map<string, ModuleMember> {
  return new Map(names.map((name) => [name, ownFunction((args) => listFunctionType(name, args))]));
}

function listFunctionType(name: string, args: readonly PyType[]): CallTyping {
  if (name === "nlargest" || name === "nsmallest") {
    // nsmallest(n, xs) is sorted(xs)[:n], nlargest(n, xs) sorted(xs, reverse=True)[:n] (CPython's docs).
    if (args.length !== 2) return { error: `${name}() takes 2 positional arguments (${args.length} given)` };
    if (args[0] !== pyTypes.int && args[0] !== pyTypes.bool) {
      return { error: `'${args[0]!.className}' object cannot be interpreted as an integer` };
    }
    const element = iterationType(args[1]!);
    return typeof element === "string" ? { error: element } : listOf(element);
  }
  const takesItem = name !== "heappop" && name !== "heapify";
  const count = takesItem ? 2 : 1;
  if (args.length !== count)
    return { error: `${name}() takes exactly ${count} argument${count === 1 ? "" : "s"} (${args.length} given)` };
  const list = resolve(args[0]!);
  if (list.kind !== "list") return { error: `unsupported: ${name}() of ${list.text} (a list)` };
  if (takesItem && !unify(list.parts[0]!, args[1]!)) {
    return { error: `unsupported: ${name}() of a ${resolve(args[1]!).text} into a ${list.text}` };
  }
  if (name.startsWith("bisect")) return pyTypes.int;
  return name === "heappop" ? list.parts[0]! : pyTypes.none;
}

/** The string module's constants: CPython's texts. */
function stringModule(): Map<string, ModuleMember> {
  const lowercase = "abcdefghijklmnopqrstuvwxyz";
  const uppercase = lowercase.toUpperCase();
  const digits = "0123456789";
  const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  const whitespace = " \t\n\r\x0b\x0c";
  const texts: [string, string][] = [
    ["ascii_lowercase", lowercase],
    ["ascii_uppercase", uppercase],
    ["ascii_letters", lowercase + uppercase],
    ["digits", digits],
    ["hexdigits", `${digits}abcdefABCDEF`],
    ["octdigits", "01234567"],
    ["punctuation", punctuation],
    ["whitespace", whitespace],
    ["printable", digits + lowercase + uppercase + punctuation + whitespace],
  ];
  return new Map(texts.map(([name, value]) => [name, { kind: "constant", type: pyTypes.str, value }]));
}

/** os.path: posixpath's functions, in py_os.c (join of several parts folds py_os_path_join). */
function osPathModule(): Map<string, ModuleMember> {
  const pathFunction = (name: string, result: PyType): [string, ModuleMember] => [
    name,
    runtimeFunction(`os.path.${name}`, result, [{ params: [path], runtime: `py_os_path_${name}` }]),
  ];
  return new Map([
    ["join", ownFunction(pathJoinType)],
    pathFunction("exists", pyTypes.bool),
    pathFunction("basename", pyTypes.str),
    pathFunction("dirname", pyTypes.str),
    pathFunction("splitext", tupleOf([pyTypes.str, pyTypes.str])),
  ]);
}

function pathJoinType(args: readonly PyType[]): CallTyping {
  if (args.length === 0) return { error: "join() missing 1 required positional argument: 'a'" };
  if (args.some((a) => a !== pyTypes.str)) {
    return { error: `unsupported: os.path.join() of ${args.map((a) => a.text).join(", ")} (str paths)` };
  }
  return pyTypes.str;
}

/** os.environ.get(key) is the value or None; get(key, default) the value or a str (or None) default. */
function environGetType(args: readonly PyType[]): CallTyping {
  if (args.length === 0) return { error: "Mapping.get() missing 1 required positional argument: 'key'" };
  if (args.length > 2) {
    return { error: `Mapping.get() takes from 2 to 3 positional arguments but ${args.length + 1} were given` };
  }
  if (args[0] !== pyTypes.str) return { error: `str expected, not ${args[0]!.className}` };
  const fallback = args[1] ?? pyTypes.none;
  if (fallback === pyTypes.none) return optionalOf(pyTypes.str);
  if (fallback !== pyTypes.str) {
    return { error: `unsupported: os.environ.get() with a default of type ${fallback.text} (a str or None)` };
  }
  return pyTypes.str;
}

/** The clocks of `time`, in py_time.c. */
function timeModule(): Map<string, ModuleMember> {
  const clock = (name: string, result: PyType): [string, ModuleMember] => [
    name,
    runtimeFunction(`time.${name}`, result, [{ params: [], runtime: `py_time_${name}` }]),
  ];
  return new Map([
    clock("time", pyTypes.float),
    clock("time_ns", pyTypes.int),
    clock("perf_counter", pyTypes.float),
    clock("perf_counter_ns", pyTypes.int),
  ]);
}

export const MODULES: ReadonlyMap<string, ReadonlyMap<string, ModuleMember>> = new Map([
  ["math", mathModule()],
  [
    "sys",
    new Map<string, ModuleMember>([
      ["argv", { kind: "value" }],
      ["stdin", { kind: "constant", type: pyTypes.file }],
      ["stdout", { kind: "constant", type: pyTypes.file }],
      ["stderr", { kind: "constant", type: pyTypes.file }],
      ["exit", ownFunction(sysExitType)],
    ]),
  ],
  ["random", randomModule()],
  ["heapq", listModule(["heappush", "heappop", "heapify", "nlargest", "nsmallest"])],
  ["bisect", listModule(["bisect_left", "bisect_right", "bisect", "insort_left", "insort_right", "insort"])],
  ["collections", expressionFunctions(["defaultdict", "Counter", "deque", "namedtuple"])],
  ["functools", expressionFunctions(["reduce"])],
  [
    "itertools",
    expressionFunctions([
      "count",
      "chain",
      "islice",
      "accumulate",
      "groupby",
      "product",
      "permutations",
      "combinations",
    ]),
  ],
  ["time", timeModule()],
  ["string", stringModule()],
  [
    "os",
    new Map<string, ModuleMember>([
      ["path", { kind: "module" }],
      ["environ", { kind: "namespace" }],
      ["getcwd", runtimeFunction("os.getcwd", pyTypes.str, [{ params: [], runtime: "py_os_getcwd" }])],
    ]),
  ],
  ["os.path", osPathModule()],
  ["os.environ", new Map([["get", ownFunction(environGetType)]])],
]);

/** Functions typed from their argument expressions (module-call-inference.ts), lowered by their module. */
function expressionFunctions(names: readonly string[]): Map<string, ModuleMember> {
  return new Map(names.map((name) => [name, { kind: "expression-function" }]));
}

/** Whether `import name` and `from name import ...` name a module of the subset (not a namespace). */
export function isImportableModule(name: string): boolean {
  if (!MODULES.has(name)) return false;
  const dot = name.lastIndexOf(".");
  return dot < 0 || MODULES.get(name.slice(0, dot))?.get(name.slice(dot + 1))?.kind === "module";
}

/**
 * The member `name` of the supported module `module`, or a refusal at `at` (by default "unsupported:
 * module.name") with the nearest member's name as a hint.
 */
export function moduleMember(module: string, name: string, at: NodeSpan, message?: string): ModuleMember {
  const members = MODULES.get(module)!;
  const member = members.get(name);
  if (member !== undefined) return member;
  const suggestion = closestName(name, [...members.keys()]);
  throw new SemanticError(
    message ?? `unsupported: ${module}.${name}`,
    at,
    suggestion === null ? null : `did you mean '${suggestion}'?`,
  );
}
