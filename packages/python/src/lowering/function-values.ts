// Functions passed as values to the builtins that apply them to each element: a sort or min/max
// key, map's function, filter's test; and functions of two arguments that combine an accumulated
// value with an element (functools.reduce's, itertools.accumulate's). A lambda is evaluated inline
// (its parameters are variables of the enclosing function, renamed so by comprehension-scopes.ts); a
// builtin among those container-inference.ts's BUILTIN_FUNCTION_VALUES and
// BUILTIN_BINARY_FUNCTION_VALUES list is computed as its call would be.

import { constants, type SourceLoc, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { BUILTIN_FUNCTION_VALUES, isDictGetValue, lambdaParameter } from "../container-inference.js";
import { optionalOf, type PyType, pyTypes, resolve } from "../py-types.js";
import type { NodeSpan } from "../semantic-error.js";
import { strMethodCall } from "../str-methods.js";
import { asInt } from "./arithmetic.js";
import { compare } from "./comparisons.js";
import { lengthOf } from "./containers.js";
import type { LoweringContext } from "./context.js";
import { callForElement, callWithElement } from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { boxInt, intAbs } from "./ints.js";
import { coerce } from "./optional.js";
import { irTypeOf, operationsOf } from "./type-operations.js";
import { writeVariable } from "./variables.js";

/** The type `f(x)` has for an x of `argument`. */
export function appliedType(cx: LoweringContext, f: ast.expr, argument: PyType): PyType {
  if (f._type === "Lambda") return cx.typeOf(f.body);
  const user = f._type === "Name" ? cx.spec.functionValues.get(f) : undefined;
  if (user !== undefined) return user.returnType!;
  if (isDictGetValue(f)) return optionalOf(resolve(cx.typeOf((f as ast.Attribute).value)).parts[1]!);
  if (f._type === "Attribute") return strMethodOfNoArguments(f).result;
  return BUILTIN_FUNCTION_VALUES[(f as ast.Name).id]!(resolve(argument));
}

/** `str.<method>` as inference checked it: called with the string alone. */
function strMethodOfNoArguments(f: ast.Attribute) {
  const call = strMethodCall(f.attr, [], []);
  if ("error" in call) throw new Error(`internal: ${call.error}`);
  return call;
}

/** A str method's argument the table fills in when the call omits it. */
export function omittedArgument(a: { constant: bigint | string }): Value {
  return typeof a.constant === "bigint" ? constants.int(a.constant) : constants.str(a.constant);
}

/** `f(x)` for a function value f and an x of `type`. */
export function apply(cx: LoweringContext, f: ast.expr, value: Value, type: PyType, loc: SourceLoc): Value {
  if (f._type === "Lambda") {
    writeVariable(cx, lambdaParameter(f).id, value);
    return lowerExpression(cx, f.body);
  }
  if (isDictGetValue(f)) return dictGet(cx, f as ast.Attribute, value, type, loc);
  const user = f._type === "Name" ? cx.spec.functionValues.get(f) : undefined;
  // A user function: a call of its specialisation for the argument's type.
  if (user !== undefined) return cx.b.call(cx.functions.get(user)!, [value], loc);
  if (f._type === "Attribute") {
    // str.lower and the like: the method called with the string alone.
    const call = strMethodOfNoArguments(f);
    const omitted = call.args.map((a) => {
      if (typeof a === "number") throw new Error("internal: a str method value given an argument");
      return omittedArgument(a);
    });
    return cx.rt(call.runtime, [value, ...omitted], loc);
  }
  const operations = operationsOf(type);
  switch ((f as ast.Name).id) {
    case "int":
      return operations.toInt!(cx, value, loc);
    case "float":
      return operations.toFloat!(cx, value, loc);
    case "str":
      return operations.str(cx, value);
    case "repr":
      return operations.repr(cx, value);
    case "bool":
      return operations.truth(cx, value);
    case "len":
      return boxInt(cx, lengthOf(cx, value, type));
    case "ord":
      return boxInt(cx, cx.rt("py_str_ord", [value], loc));
    case "chr":
      return cx.rt("py_str_chr", [asInt(cx, value, type)], loc);
    default: {
      // abs
      if (resolve(type) === pyTypes.float) return cx.rt("rt_f64_abs", [value], null);
      return intAbs(cx, asInt(cx, value, type), loc);
    }
  }
}

/**
 * `f(a, b)` for a function value of two arguments: a lambda, or max or min (of two values of one
 * type, as inference checked), which keeps `a` unless `b` is greater (smaller), as Python's does.
 */
export function applyBinary(
  cx: LoweringContext,
  f: ast.expr,
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  node: NodeSpan,
): Value {
  if (f._type === "Lambda") {
    writeVariable(cx, lambdaParameter(f, 0).id, a);
    writeVariable(cx, lambdaParameter(f, 1).id, b);
    return lowerExpression(cx, f.body);
  }
  const user = f._type === "Name" ? cx.spec.functionValues.get(f) : undefined;
  if (user !== undefined) return cx.b.call(cx.functions.get(user)!, [a, b], cx.loc(node));
  const better = compare(cx, (f as ast.Name).id === "max" ? "Gt" : "Lt", b, bType, a, aType, node);
  return cx.b.select(better, b, a);
}

/** `d.get(x)` of a dict's get applied as a function value: the key's value, or None. */
function dictGet(cx: LoweringContext, f: ast.Attribute, key: Value, keyType: PyType, loc: SourceLoc): Value {
  const dictType = resolve(cx.typeOf(f.value));
  const [heldKey, value] = dictType.parts as [PyType, PyType];
  const result = optionalOf(value);
  const dict = lowerExpression(cx, f.value);
  const position = callWithElement(cx, "py_dict_find", [dict], coerce(cx, key, keyType, heldKey), heldKey, loc);
  return cx.choose(
    irTypeOf(result),
    cx.b.icmp("ge", position, constants.int(0n)),
    () => coerce(cx, callForElement(cx, "py_dict_value", [dict, position], value, null), value, result),
    () => coerce(cx, constants.unit(), pyTypes.none, result),
  );
}
