// Result types of the math functions the compiled subset offers, given the argument types of a call;
// stdlib-modules.ts makes them a row of its module table. Lowering decides how each is computed;
// this file only says what it returns.

import { isNumeric, type PyType, pyTypes } from "./py-types.js";

/** math functions of one float argument returning float (ints are accepted and converted). */
export const MATH_FLOAT_FUNCTIONS: ReadonlySet<string> = new Set([
  "sqrt",
  "exp",
  "expm1",
  "log2",
  "log10",
  "log1p",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "tanh",
  "asinh",
  "acosh",
  "atanh",
  "fabs",
  "degrees",
  "radians",
  "erf",
  "erfc",
  "gamma",
  "lgamma",
  "cbrt",
]);

/** math functions of two float arguments returning float. */
export const MATH_FLOAT2_FUNCTIONS: ReadonlySet<string> = new Set(["atan2", "hypot", "fmod", "copysign", "pow"]);

/** math functions taking a float and returning int. */
export const MATH_TO_INT_FUNCTIONS: ReadonlySet<string> = new Set(["floor", "ceil", "trunc"]);

/** math predicates on a float. */
export const MATH_PREDICATES: ReadonlySet<string> = new Set(["isnan", "isinf", "isfinite"]);

/** math functions on ints returning int. */
export const MATH_INT_FUNCTIONS: ReadonlySet<string> = new Set(["gcd", "lcm", "factorial", "isqrt", "comb", "perm"]);

export const MATH_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ["pi", Math.PI],
  ["e", Math.E],
  ["tau", 2 * Math.PI],
  ["inf", Number.POSITIVE_INFINITY],
  ["nan", Number.NaN],
]);

/** Every name of `math` the subset supports, for "did you mean" hints and import checks. */
export const MATH_NAMES: readonly string[] = [
  ...MATH_FLOAT_FUNCTIONS,
  ...MATH_FLOAT2_FUNCTIONS,
  ...MATH_TO_INT_FUNCTIONS,
  ...MATH_PREDICATES,
  ...MATH_INT_FUNCTIONS,
  ...MATH_CONSTANTS.keys(),
  "log",
  "isclose",
];

export type CallTyping = PyType | { error: string };

/** The result type of `math.<name>(args)`. */
export function mathCallType(name: string, args: readonly PyType[]): CallTyping {
  if (!args.every(isNumeric))
    return { error: `math.${name}() takes numbers, not ${args.map((a) => a.text).join(", ")}` };
  const arity = (n: number | readonly number[]): CallTyping | null => {
    const allowed = typeof n === "number" ? [n] : n;
    return allowed.includes(args.length) ? null : { error: `math.${name}() takes ${allowed.join(" or ")} argument(s)` };
  };
  if (MATH_FLOAT_FUNCTIONS.has(name)) return arity(1) ?? pyTypes.float;
  if (MATH_FLOAT2_FUNCTIONS.has(name)) return arity(2) ?? pyTypes.float;
  if (name === "log") return arity([1, 2]) ?? pyTypes.float;
  if (MATH_TO_INT_FUNCTIONS.has(name)) return arity(1) ?? pyTypes.int;
  if (MATH_PREDICATES.has(name)) return arity(1) ?? pyTypes.bool;
  if (name === "isclose") return arity(2) ?? pyTypes.bool;
  if (MATH_INT_FUNCTIONS.has(name)) {
    if (args.some((a) => a === pyTypes.float)) return { error: `math.${name}() takes integers` };
    const counts = name === "gcd" || name === "lcm" ? [2] : name === "factorial" || name === "isqrt" ? [1] : [2];
    return arity(counts) ?? pyTypes.int;
  }
  return { error: `unsupported: math.${name}` };
}
