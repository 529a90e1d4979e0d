// The `math` module: its constants, its functions as calls of the runtime's `rt_math_*` (arguments
// converted to the floats or ints each takes), and `math.isclose` computed inline.

import { constants, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import {
  MATH_CONSTANTS,
  MATH_FLOAT_FUNCTIONS,
  MATH_FLOAT2_FUNCTIONS,
  MATH_INT_FUNCTIONS,
  MATH_PREDICATES,
  MATH_TO_INT_FUNCTIONS,
} from "../builtin-signatures.js";
import { pyTypes } from "../py-types.js";
import { RT } from "../runtime-names.js";
import { SemanticError } from "../semantic-error.js";
import { asFloat, asInt } from "./arithmetic.js";
import type { LoweringContext } from "./context.js";
import { lowerExpression } from "./expressions.js";

/** `math.pi`, `math.inf`, ... */
export function mathConstant(name: string): Value {
  return constants.float(MATH_CONSTANTS.get(name)!);
}

export function lowerMathCall(cx: LoweringContext, e: ast.Call, name: string): Value {
  const args = e.args.map((a) => ({ value: lowerExpression(cx, a), type: cx.typeOf(a) }));
  const floats = () => args.map((a) => asFloat(cx, a.value, a.type, cx.loc(e)));
  const ints = () => args.map((a) => asInt(cx, a.value, a.type));
  const call = (runtimeName: string, values: Value[]) => cx.rt(`${RT.mathPrefix}${runtimeName}`, values, cx.loc(e));
  if (MATH_FLOAT_FUNCTIONS.has(name) || MATH_FLOAT2_FUNCTIONS.has(name)) return call(name, floats());
  if (name === "log") return call(args.length === 1 ? "log" : "log_base", floats());
  if (MATH_TO_INT_FUNCTIONS.has(name)) {
    if (args[0]!.type !== pyTypes.float) return asInt(cx, args[0]!.value, args[0]!.type);
    return call(name, floats());
  }
  if (MATH_PREDICATES.has(name)) return cx.rt(`${RT.mathPrefix}${name}`, floats(), null);
  if (name === "isclose") return lowerIsClose(cx, e, floats());
  // gcd, factorial, ...: the big-int runtime's, for ints of any size.
  if (MATH_INT_FUNCTIONS.has(name)) return cx.rt(`py_int_${name}`, ints(), cx.loc(e));
  throw new SemanticError(`unsupported: math.${name}`, e);
}

/** math.isclose, as CPython's math_isclose_impl computes it. */
function lowerIsClose(cx: LoweringContext, e: ast.Call, [a, b]: Value[]): Value {
  const tolerance = (name: string, fallback: number): Value => {
    const k = e.keywords.find((k) => k.arg === name);
    if (k === undefined) return constants.float(fallback);
    return asFloat(cx, lowerExpression(cx, k.value), cx.typeOf(k.value), cx.loc(k.value));
  };
  const relTol = tolerance("rel_tol", 1e-9);
  const absTol = tolerance("abs_tol", 0);
  const nonNegative = cx.b.not(
    cx.b.select(
      cx.b.fcmp("lt", relTol, constants.float(0)),
      constants.bool(true),
      cx.b.fcmp("lt", absTol, constants.float(0)),
    ),
  );
  cx.checkCondition(nonNegative, "ValueError", "tolerances must be non-negative", e);
  const abs = (x: Value) => cx.rt(RT.floatAbs, [x], null);
  const infinite = (x: Value) => cx.b.fcmp("eq", abs(x), constants.float(Number.POSITIVE_INFINITY));
  const diff = abs(cx.b.fbinary("fsub", b!, a!, null));
  const close = cx.b.select(
    cx.b.fcmp("le", diff, abs(cx.b.fbinary("fmul", relTol, b!, null))),
    constants.bool(true),
    cx.b.select(
      cx.b.fcmp("le", diff, abs(cx.b.fbinary("fmul", relTol, a!, null))),
      constants.bool(true),
      cx.b.fcmp("le", diff, absTol),
    ),
  );
  const eitherInfinite = cx.b.select(infinite(a!), constants.bool(true), infinite(b!));
  return cx.b.select(
    cx.b.fcmp("eq", a!, b!),
    constants.bool(true),
    cx.b.select(eitherInfinite, constants.bool(false), close),
  );
}
