// Expressions: the dispatch over expression kinds, and the ones that are no call, no arithmetic and no
// comparison: constants, names, truth values, `and`/`or`/`not` with short-circuit evaluation (as
// values and as branch conditions), and conditional expressions.

import { type Block, constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { PyBytes, PyStrCodePoints } from "../constant-value.js";
import { moduleNamed } from "../module-names.js";
import { boolOpValueType } from "../narrowing.js";
import { isContainer, membersOf, type PyType, pyTypes, resolve, unaryResultType } from "../py-types.js";
import { SemanticError } from "../semantic-error.js";
import { MODULES } from "../stdlib-modules.js";
import { typeNameSubject } from "../type-inference.js";
import { binary, unary } from "./arithmetic.js";
import { lowerCall } from "./calls.js";
import { lowerCompareValue } from "./comparisons.js";
import { foldIntConstant } from "./constant-folding.js";
import { lowerContainerBinary, lowerDisplay } from "./containers.js";
import type { LoweringContext } from "./context.js";
import { boxInt, intConstant } from "./ints.js";
import { mathConstant } from "./math.js";
import { lowerNamedTupleField } from "./named-tuples.js";
import { coerce, narrow } from "./optional.js";
import { lowerJoinedStr } from "./strings.js";
import { lowerSubscript } from "./subscripts.js";
import { irTypeOf, operationsOf } from "./type-operations.js";
import { checkedNarrow, isUnion, onUnion, toUnion } from "./unions.js";
import { readVariable, variableType } from "./variables.js";

/**
 * The value of an expression. Operations that compute a machine integer (a length, a position, a
 * count from the runtime) give an i64 where Python has an int: it is boxed here, in one place.
 */
export function lowerExpression(cx: LoweringContext, e: ast.expr): Value {
  const member = cx.memberValue(e);
  if (member !== undefined) return member;
  const checked = cx.spec.checkedNarrows.get(e);
  if (checked !== undefined) {
    return checkedNarrow(
      cx,
      cx.asComputed(e, () => lowerExpressionOfKind(cx, e)),
      checked,
      cx.loc(e),
    );
  }
  return boxedAsInt(cx, lowerExpressionOfKind(cx, e), cx.typeOf(e));
}

/** A value whose Python type is int but which came as an i64 (a length, a count), boxed; others as they are. */
export function boxedAsInt(cx: LoweringContext, value: Value, type: PyType): Value {
  return value.type === types.i64 && resolve(type) === pyTypes.int ? boxInt(cx, value) : value;
}

function lowerExpressionOfKind(cx: LoweringContext, e: ast.expr): Value {
  switch (e._type) {
    case "Constant":
      return lowerConstant(cx, e);
    case "Name":
      return lowerName(cx, e);
    case "BinOp": {
      const folded = cx.typeOf(e) === pyTypes.int ? foldIntConstant(e) : null;
      if (folded !== null) return intConstant(cx, folded, cx.loc(e));
      const unionOperand = isUnion(cx.typeOf(e.left)) || isUnion(cx.typeOf(e.right));
      if (isContainer(resolve(cx.typeOf(e))) && !unionOperand) {
        return lowerContainerBinary(
          cx,
          e.op._type,
          lowerExpression(cx, e.left),
          cx.typeOf(e.left),
          lowerExpression(cx, e.right),
          cx.typeOf(e.right),
          cx.typeOf(e),
          e,
        );
      }
      return binary(
        cx,
        e.op._type,
        lowerExpression(cx, e.left),
        cx.typeOf(e.left),
        lowerExpression(cx, e.right),
        cx.typeOf(e.right),
        cx.typeOf(e),
        e,
      );
    }
    case "UnaryOp": {
      const folded = cx.typeOf(e) === pyTypes.int ? foldIntConstant(e) : null;
      if (folded !== null) return intConstant(cx, folded, cx.loc(e));
      return lowerUnary(cx, e);
    }
    case "BoolOp":
      return lowerBoolOpValue(cx, e);
    case "Compare":
      return lowerCompareValue(cx, e);
    case "IfExp":
      return lowerIfExp(cx, e);
    case "Call":
      return lowerCall(cx, e);
    case "Attribute": {
      // Inference allows no other attribute as a value than a module's, a namedtuple's field and
      // `type(x).__name__`.
      const typed = typeNameSubject(e, (n) => cx.program.scopes.resolution.get(n) === "builtin");
      if (typed !== null) return className(cx, lowerExpression(cx, typed), cx.typeOf(typed));
      const module = moduleNamed(cx.importScope, e.value);
      return module !== null ? moduleValue(cx, module, e.attr) : lowerNamedTupleField(cx, e);
    }
    case "Subscript":
      return lowerSubscript(cx, e);
    case "List":
    case "Tuple":
    case "Dict":
    case "Set":
    case "ListComp":
    case "SetComp":
    case "DictComp":
    case "GeneratorExp":
      return lowerDisplay(cx, e);
    case "JoinedStr":
      return lowerJoinedStr(cx, e);
    default:
      throw new SemanticError(`unsupported: ${e._type}`, e);
  }
}

/** A module's value used as one: `sys.argv` (a new list), a standard stream, a math or string constant. */
function moduleValue(cx: LoweringContext, module: string, name: string): Value {
  const member = MODULES.get(module)!.get(name);
  if (member?.kind === "constant" && member.value !== undefined) return constants.str(member.value);
  switch (name) {
    case "argv":
      return cx.rt("py_argv_list", [], null);
    case "stdin":
    case "stdout":
    case "stderr":
      return cx.rt(`rt_file_${name}`, [], null);
    default:
      return mathConstant(name);
  }
}

export function lowerConstant(cx: LoweringContext, e: ast.Constant): Value {
  const v = e.value;
  if (v === null) return constants.unit();
  if (typeof v === "boolean") return constants.bool(v);
  if (typeof v === "bigint") return intConstant(cx, v, cx.loc(e));
  if (typeof v === "number") return constants.float(v);
  if (typeof v === "string") return constants.str(v);
  if (v instanceof PyStrCodePoints) return constants.str(String.fromCodePoint(...v.codePoints));
  // A bytes literal: made from the str whose code points are its bytes.
  if (v instanceof PyBytes) return cx.rt("py_bytes_from_latin1", [constants.str(latin1(v.bytes))], null);
  throw new SemanticError("unsupported: this constant", e);
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function lowerName(cx: LoweringContext, e: ast.Name): Value {
  const kind = cx.program.scopes.resolution.get(e);
  if (kind === "builtin") return constants.str("__main__");
  const imported = cx.program.imports.get(e.id);
  if (imported !== undefined && kind === "global") return moduleValue(cx, imported.module, imported.member!);
  // A read where inference narrowed a `T | None` variable to T takes the T out.
  return narrow(cx, readVariable(cx, e.id, e), variableType(cx, e.id), cx.typeOf(e));
}

function lowerUnary(cx: LoweringContext, e: ast.UnaryOp): Value {
  const operandType = cx.typeOf(e.operand);
  const operand = lowerExpression(cx, e.operand);
  if (e.op._type === "Not") return cx.b.not(operationsOf(operandType).truth(cx, operand));
  if (!isUnion(operandType)) return unary(cx, e.op._type, operand, operandType, e);
  // A union's member: its own operation, or CPython's TypeError for one that has none.
  const op = e.op._type;
  const result = cx.typeOf(e);
  return onUnion(cx, operand, operandType, irTypeOf(result), (v, t) => {
    const held = unaryResultType(op, t);
    if (typeof held !== "string") return coerce(cx, unary(cx, op, v, t, e), held, result);
    cx.b.raise(cx.raiseInfo("TypeError", held, e));
    return operationsOf(result).zero();
  });
}

/** Branches on the truth value of `e`, short-circuiting `and`, `or` and `not` into control flow. */
export function lowerCondition(cx: LoweringContext, e: ast.expr, ifTrue: Block, ifFalse: Block): void {
  if (e._type === "BoolOp") {
    const last = e.values.length - 1;
    e.values.forEach((v, index) => {
      if (index === last) {
        lowerCondition(cx, v, ifTrue, ifFalse);
        return;
      }
      const next = cx.b.createBlock(e.op._type === "And" ? "and.next" : "or.next");
      if (e.op._type === "And") lowerCondition(cx, v, next, ifFalse);
      else lowerCondition(cx, v, ifTrue, next);
      cx.ssa.seal(next);
      cx.startBlock(next);
    });
    return;
  }
  if (e._type === "UnaryOp" && e.op._type === "Not") {
    lowerCondition(cx, e.operand, ifFalse, ifTrue);
    return;
  }
  cx.branch(operationsOf(cx.typeOf(e)).truth(cx, lowerExpression(cx, e)), ifTrue, ifFalse);
}

/** `a and b` / `a or b` as a value: the deciding operand itself, as Python returns it. */
function lowerBoolOpValue(cx: LoweringContext, e: ast.BoolOp): Value {
  const type = cx.typeOf(e);
  if (!cx.spec.exprTypes.has(e.values[0]!)) {
    // Only typed as a condition: its value is the truth of the whole expression.
    const yes = cx.b.createBlock("bool.true");
    const no = cx.b.createBlock("bool.false");
    const join = cx.b.createBlock("bool.end");
    lowerCondition(cx, e, yes, no);
    cx.ssa.seal(yes);
    cx.ssa.seal(no);
    cx.startBlock(yes);
    cx.jump(join);
    cx.startBlock(no);
    cx.jump(join);
    cx.ssa.seal(join);
    cx.startBlock(join);
    return cx.b.phi(types.i1, [
      { block: yes, value: constants.bool(true) },
      { block: no, value: constants.bool(false) },
    ]);
  }
  const isOr = e.op._type === "Or";
  const join = cx.b.createBlock(isOr ? "or.end" : "and.end");
  const incoming: { block: Block; value: Value }[] = [];
  const last = e.values.length - 1;
  e.values.forEach((operand, index) => {
    const value = lowerExpression(cx, operand);
    const operandType = cx.typeOf(operand);
    if (index === last) {
      const whole = coerce(cx, value, operandType, type);
      incoming.push({ block: cx.b.block, value: whole });
      cx.jump(join);
      return;
    }
    // The operand is the value on the edge it decides: made the whole's type there (an `or`'s,
    // being true, without its None first).
    const taken = cx.b.createBlock(isOr ? "or.value" : "and.value");
    const next = cx.b.createBlock(isOr ? "or.next" : "and.next");
    const truth = operationsOf(operandType).truth(cx, value);
    if (isOr) cx.branch(truth, taken, next);
    else cx.branch(truth, next, taken);
    cx.ssa.seal(taken);
    cx.startBlock(taken);
    const valueType = isOr ? boolOpValueType(operandType) : operandType;
    // The value first: making it may add blocks, and the phi's edge is from the last.
    const whole = coerce(cx, narrow(cx, value, operandType, valueType), valueType, type);
    incoming.push({ block: cx.b.block, value: whole });
    cx.jump(join);
    cx.ssa.seal(next);
    cx.startBlock(next);
  });
  cx.ssa.seal(join);
  cx.startBlock(join);
  return cx.b.phi(irTypeOf(type), incoming);
}

function lowerIfExp(cx: LoweringContext, e: ast.IfExp): Value {
  const then = cx.b.createBlock("ifexp.then");
  const orelse = cx.b.createBlock("ifexp.else");
  const join = cx.b.createBlock("ifexp.end");
  lowerCondition(cx, e.test, then, orelse);
  cx.ssa.seal(then);
  cx.ssa.seal(orelse);
  cx.startBlock(then);
  const a = coerce(cx, lowerExpression(cx, e.body), cx.typeOf(e.body), cx.typeOf(e));
  const fromThen = cx.b.block;
  cx.jump(join);
  cx.startBlock(orelse);
  const b = coerce(cx, lowerExpression(cx, e.orelse), cx.typeOf(e.orelse), cx.typeOf(e));
  const fromElse = cx.b.block;
  cx.jump(join);
  cx.ssa.seal(join);
  cx.startBlock(join);
  return cx.b.phi(irTypeOf(cx.typeOf(e)), [
    { block: fromThen, value: a },
    { block: fromElse, value: b },
  ]);
}

/** `type(x).__name__`: the class's name, from x's type, or from what a value of several classes holds. */
function className(cx: LoweringContext, value: Value, type: PyType): Value {
  if (membersOf(type).length > 1) return cx.rt("py_any_class_name", [toUnion(cx, value, type)], null);
  const t = resolve(type);
  return constants.str(t.kind === "deque" ? "deque" : t.className);
}
