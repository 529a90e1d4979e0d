// The built-in functions (`println`, `sqrt`, `panic`, …) and the built-in static functions of the
// library's types (`Array::new`, `Map::new`, `rc::new`, `weak::new`): the one table of their
// signatures. A program's own declaration of the same name hides a built-in function.

import type { Signature, TypeRequirement } from "./generics.js";
import { optionType, resultType } from "./prelude.js";
import {
  type LumaType,
  scalarTypes,
  type TypeConstraint,
  type TypeInterner,
  type TypeParameterType,
  typeParameter,
} from "./types.js";

const { i64, bool, string, unit } = scalarTypes;

export type BuiltinFunctionName =
  | "print"
  | "println"
  | "format"
  | "panic"
  | "assert"
  | "assert_eq"
  | "sqrt"
  | "sin"
  | "cos"
  | "tan"
  | "asin"
  | "acos"
  | "atan"
  | "atan2"
  | "exp"
  | "ln"
  | "log2"
  | "log10"
  | "pow"
  | "floor"
  | "ceil"
  | "round"
  | "trunc"
  | "abs"
  | "min"
  | "max"
  | "read_line"
  | "read_file"
  | "write_file"
  | "args"
  | "now_ns"
  | "free";

export interface BuiltinFunction {
  readonly name: BuiltinFunctionName;
  /**
   * `print`, `println`, `format` and `panic` take a format string and the values of its `{}`
   * placeholders, checked against each other rather than against a signature.
   */
  readonly formatting: boolean;
  /** `panic` never returns, so a path that calls it needs no `return`. */
  readonly diverges: boolean;
  /** The signature of a function that does not format (a formatting one's gives only its result). */
  signature(types: TypeInterner): Signature;
}

function signature(
  typeParameters: readonly TypeParameterType[],
  parameters: readonly LumaType[],
  result: LumaType,
  requirements: readonly [LumaType, TypeConstraint][] = [],
): Signature {
  const list: TypeRequirement[] = requirements.map(([type, constraint]) => ({ type, constraint }));
  return { typeParameters, parameters, result, requirements: list };
}

const T = typeParameter("T");
const F = typeParameter("F");
const N = typeParameter("N");

const table = new Map<string, BuiltinFunction>();

function define(
  name: BuiltinFunctionName,
  make: (types: TypeInterner) => Signature,
  options: { formatting?: boolean; diverges?: boolean } = {},
): void {
  table.set(name, {
    name,
    formatting: options.formatting ?? false,
    diverges: options.diverges ?? false,
    signature: make,
  });
}

define("print", () => signature([], [], unit), { formatting: true });
define("println", () => signature([], [], unit), { formatting: true });
define("format", () => signature([], [], string), { formatting: true });
define("panic", () => signature([], [], unit), { formatting: true, diverges: true });
define("assert", () => signature([], [bool], unit));
// On failure `assert_eq` prints both values, so they must be printable as well as comparable.
define("assert_eq", () =>
  signature([T], [T, T], unit, [
    [T, "equatable"],
    [T, "printable"],
  ]),
);
for (const name of [
  "sqrt",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "exp",
  "ln",
  "log2",
  "log10",
  "floor",
  "ceil",
  "round",
  "trunc",
] as const) {
  define(name, () => signature([F], [F], F, [[F, "float"]]));
}
define("atan2", () => signature([F], [F, F], F, [[F, "float"]]));
define("pow", () => signature([F], [F, F], F, [[F, "float"]]));
define("abs", () => signature([N], [N], N, [[N, "signed"]]));
define("min", () => signature([N], [N, N], N, [[N, "numeric"]]));
define("max", () => signature([N], [N, N], N, [[N, "numeric"]]));
define("read_line", (types) => signature([], [], optionType(types, string)));
define("read_file", (types) => signature([], [string], resultType(types, string, string)));
define("write_file", () => signature([], [string, string], bool));
define("args", (types) => signature([], [], types.array(string)));
define("now_ns", () => signature([], [], i64));
define("free", (types) => signature([T], [types.pointer(T)], unit));

/** The built-in functions by name. */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = table;

/** The library types with static functions. */
export type BuiltinStaticOwner = "Array" | "Map" | "rc" | "weak" | "mempool";

const K = typeParameter("K");
const V = typeParameter("V");

/** `Owner::name` of the library types: their signatures. */
export const BUILTIN_STATICS: ReadonlyMap<
  BuiltinStaticOwner,
  ReadonlyMap<string, (types: TypeInterner) => Signature>
> = new Map<BuiltinStaticOwner, ReadonlyMap<string, (types: TypeInterner) => Signature>>([
  ["Array", new Map([["new", (types: TypeInterner) => signature([T], [], types.array(T))]])],
  ["Map", new Map([["new", (types: TypeInterner) => signature([K, V], [], types.map(K, V), [[K, "hashable"]])]])],
  ["rc", new Map([["new", (types: TypeInterner) => signature([T], [T], types.rc(T))]])],
  // `weak::new(&r)`: the address of the `rc<T>` variable to observe.
  ["weak", new Map([["new", (types: TypeInterner) => signature([T], [types.pointer(types.rc(T))], types.weak(T))]])],
  // `mempool::new(block_size)`: blocks of that many bytes.
  ["mempool", new Map([["new", () => signature([], [scalarTypes.i64], scalarTypes.mempool)]])],
]);
