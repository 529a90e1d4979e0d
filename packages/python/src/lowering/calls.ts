// Calls: which function a call names (a user function's specialisation, a builtin, a module's
// function), and calls of user functions: arguments bound to parameters by position and
// keyword, evaluated in the order they are written, and defaults filled in for the rest.

import { constants, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { defaultValue } from "../inference-rules.js";
import { moduleFunctionOf } from "../module-names.js";
import { type PyType, resolve } from "../py-types.js";
import type { Specialization } from "../type-inference.js";
import { lowerBuiltinCall } from "./builtins.js";
import { foldIntConstant } from "./constant-folding.js";
import { lowerContainerBuiltin, lowerMethodCall } from "./container-calls.js";
import type { LoweringContext } from "./context.js";
import { boxedAsInt, lowerConstant, lowerExpression } from "./expressions.js";
import { intConstant } from "./ints.js";
import { lowerModuleCall } from "./module-calls.js";
import { lowerNamedTupleCall } from "./named-tuples.js";
import { coerce } from "./optional.js";
import { readTupleSlot } from "./subscripts.js";
import { irTypeOf, operationsOf } from "./type-operations.js";
import { onUnion } from "./unions.js";

export function lowerCall(cx: LoweringContext, e: ast.Call): Value {
  const callee = cx.spec.calls.get(e);
  if (callee !== undefined) return lowerUserCall(cx, e, callee);
  const called = moduleFunctionOf(cx.importScope, e);
  if (called !== null) return lowerModuleCall(cx, e, called.module, called.name);
  const dispatch = cx.spec.unionMethods.get(e);
  if (dispatch !== undefined) return lowerUnionMethodCall(cx, e, dispatch);
  if (e.func._type === "Attribute") return lowerMethodCall(cx, e);
  const name = (e.func as ast.Name).id;
  const cls =
    cx.program.scopes.resolution.get(e.func as ast.Name) === "global" ? cx.program.namedTuples.get(name) : undefined;
  if (cls !== undefined) return lowerNamedTupleCall(cx, e, cls);
  return lowerContainerBuiltin(cx, e, name) ?? lowerBuiltinCall(cx, e, name);
}

function lowerUserCall(cx: LoweringContext, e: ast.Call, callee: Specialization): Value {
  const def = callee.def!;
  const params = [...def.args.args, ...def.args.kwonlyargs];
  const args: Value[] = [];
  // Arguments are evaluated in the order they are written, as in Python; a tuple unpacked by `*t`
  // gives one argument per element.
  const explicit = new Map<number, Value>();
  for (const a of e.args) {
    if (a._type !== "Starred") {
      explicit.set(explicit.size, lowerExpression(cx, a));
      continue;
    }
    const tuple = lowerExpression(cx, a.value);
    const parts = resolve(cx.typeOf(a.value)).parts;
    parts.forEach((part: PyType, i: number) => {
      explicit.set(explicit.size, readTupleSlot(cx, tuple, constants.int(BigInt(i)), part));
    });
  }
  for (const k of e.keywords) {
    explicit.set(
      params.findIndex((p) => p.arg === k.arg),
      lowerExpression(cx, k.value),
    );
  }
  for (let i = 0; i < params.length; i++) {
    const given = explicit.get(i);
    const fallback = defaultValue(def, i)!;
    const stored = cx.defaults.get(fallback);
    args.push(
      given !== undefined ? given : stored !== undefined ? cx.b.loadGlobal(stored) : lowerLiteral(cx, fallback),
    );
  }
  return cx.b.call(cx.functions.get(callee)!, args, cx.loc(e));
}

/** A literal default (`3`, `-1.5`, `+True`, `None`): the constant itself at every call. */
/** A literal (`3`, `-1.5`, `"x"`, `None`), typed by itself rather than by inference. */
export function lowerLiteral(cx: LoweringContext, value: ast.expr): Value {
  if (value._type === "Constant") return lowerConstant(cx, value);
  const int = foldIntConstant(value);
  if (int !== null) return intConstant(cx, int, cx.loc(value));
  // A float's sign.
  const operand = lowerLiteral(cx, (value as ast.UnaryOp).operand);
  return (value as ast.UnaryOp).op._type === "USub" ? cx.b.fneg(operand) : operand;
}

/**
 * A method call of a union's value that several members have: the receiver computed once, then the
 * call lowered for the member it holds (AttributeError for one without the method), its result made
 * the call's type.
 */
function lowerUnionMethodCall(cx: LoweringContext, e: ast.Call, results: ReadonlyMap<PyType, PyType>): Value {
  const f = e.func as ast.Attribute;
  const union = cx.typeOf(f.value);
  const receiver = lowerExpression(cx, f.value);
  const type = cx.typeOf(e);
  return onUnion(cx, receiver, union, irTypeOf(type), (held, member) => {
    const result = results.get(member);
    if (result === undefined) {
      cx.b.raise(cx.raiseInfo("AttributeError", `'${member.className}' object has no attribute '${f.attr}'`, e));
      return operationsOf(type).zero();
    }
    const value = cx.asMember(f.value, held, member, e, result, () => lowerMethodCall(cx, e));
    return coerce(cx, boxedAsInt(cx, value, result), result, type);
  });
}
