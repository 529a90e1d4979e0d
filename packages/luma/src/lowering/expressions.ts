// Expressions of the scalar core to IR values, reading the checker's tables: each expression's type,
// what each name refers to, what each call calls. `&&` and `||` branch (short-circuit).

import { constants, types, type Value } from "@toolchain/compiler";
import type { BinaryExpression, Expression } from "../ast.js";
import type { LumaType } from "../checker/types.js";
import { lowerFieldRead, lowerStructLiteral, lowerVariant } from "./aggregates.js";
import { indexValue, lowerArrayIndex } from "./arrays.js";
import { lowerCall } from "./calls.js";
import { functionValue, lowerClosure } from "./closures.js";
import { copyValue, lowerArrayLiteral } from "./fixed-arrays.js";
import type { FunctionLowering } from "./function-context.js";
import { lowerMapIndex } from "./maps.js";
import { intConstant, lowerBinary, lowerCast, lowerUnary } from "./operators.js";
import { lowerTry } from "./options.js";
import { lowerAddressOf, lowerAlloc, lowerPointerRead, lowerSizeof } from "./pointers.js";
import { stringByte } from "./strings.js";
import { notSupported } from "./unsupported.js";

/** An expression's value; a place's that holds a fixed array is copied (fixed-arrays.ts). */
export function lowerExpression(f: FunctionLowering, e: Expression): Value {
  const value = lowerPlace(f, e);
  const isPlace = e.kind === "Name" || e.kind === "Self" || e.kind === "FieldAccess" || e.kind === "Index";
  return isPlace ? copyValue(f, value, f.body.typeOf(e), e) : value;
}

/** An expression's value, a place read where it is, not copied: for reading into it or writing it. */
export function lowerPlace(f: FunctionLowering, e: Expression): Value {
  switch (e.kind) {
    case "IntegerLiteral":
    case "FloatLiteral":
    case "BooleanLiteral":
    case "StringLiteral":
      return literal(f, f.body.typeOf(e), e.value, e);
    case "Name":
    case "Path":
    case "Self": {
      const reference = f.body.references.get(e);
      if (reference === undefined) throw new Error(`internal: no reference at ${e.start}`);
      switch (reference.kind) {
        case "local":
          return f.readLocal(reference.local);
        case "const": {
          const value = reference.constant.value;
          if (value === null) throw new Error(`internal: constant ${reference.constant.name} has no value`);
          return literal(f, reference.constant.type, value.value, e);
        }
        case "function":
          if (reference.instance === null) throw new Error(`internal: no instance of ${reference.symbol.name}`);
          return functionValue(f, reference.instance, e);
        case "extern":
          return notSupported("C functions as values", e);
        case "variant":
          return lowerVariant(f, f.body.typeOf(e), reference.variant, [], e);
      }
      break;
    }
    case "Call":
      return lowerCall(f, e);
    case "Unary": {
      // `-128` as an i8 is a literal of the type's minimum, not a negation of 128, which has none.
      if (e.operator === "-" && e.operand.kind === "IntegerLiteral")
        return literal(f, f.body.typeOf(e), -BigInt(e.operand.value), e);
      const type = f.body.typeOf(e.operand);
      return lowerUnary(f, e.operator, type, lowerExpression(f, e.operand), e);
    }
    case "Binary":
      if (e.operator === "&&" || e.operator === "||") return shortCircuit(f, e);
      return lowerBinary(
        f,
        e.operator,
        f.body.typeOf(e.left),
        lowerExpression(f, e.left),
        lowerExpression(f, e.right),
        e,
      );
    case "Cast":
      return lowerCast(f, f.body.typeOf(e.operand), f.body.typeOf(e), lowerExpression(f, e.operand), e);
    case "ArrayLiteral":
    case "ArrayRepeat":
      return lowerArrayLiteral(f, e);
    case "Index":
      if (f.body.indexes.get(e) === "map") return lowerMapIndex(f, e);
      if (f.body.indexes.get(e) === "pointer") return lowerPointerRead(f, e);
      if (f.body.indexes.get(e) === "string")
        return stringByte(f, lowerExpression(f, e.object), indexValue(f, e.index), e);
      if (f.body.indexes.get(e) !== "array" && f.body.indexes.get(e) !== "fixed-array")
        return notSupported(`indexing a \`${f.body.typeOf(e.object).text}\``, e);
      return lowerArrayIndex(f, e);
    case "StructLiteral":
      return lowerStructLiteral(f, e);
    case "FieldAccess":
      return lowerFieldRead(f, e);
    case "Try":
      return lowerTry(f, e);
    case "Closure":
      return lowerClosure(f, e);
    case "AddressOf":
      return lowerAddressOf(f, e);
    case "Dereference":
      return lowerPointerRead(f, e);
    case "Alloc":
      return lowerAlloc(f, e);
    case "Sizeof":
      return lowerSizeof(f, e);
    case "Range":
      return notSupported("ranges outside `for`", e);
  }
  return notSupported(`this expression`, e);
}

/** A literal of its checked type (an integer literal may have a float type). */
function literal(
  f: FunctionLowering,
  type: LumaType,
  value: bigint | number | boolean | string,
  at: Expression,
): Value {
  const ir = f.irType(type, at);
  if (typeof value === "boolean") return constants.bool(value);
  if (typeof value === "string") return constants.str(value);
  // An f32 constant holds the nearest f32 value.
  if (type.kind === "float") return constants.float(type.bits === 32 ? Math.fround(Number(value)) : Number(value), ir);
  return intConstant(BigInt(value), ir);
}

/** `a && b`, `a || b`: `b` is evaluated only when `a` does not decide. */
function shortCircuit(f: FunctionLowering, e: BinaryExpression): Value {
  const left = lowerExpression(f, e.left);
  const leftEnd = f.builder.block;
  const right = f.newBlock(e.operator === "&&" ? "and.rhs" : "or.rhs");
  const join = f.newBlock(e.operator === "&&" ? "and.end" : "or.end");
  if (e.operator === "&&") f.condbr(left, right, join);
  else f.condbr(left, join, right);
  f.enter(right);
  const rightValue = lowerExpression(f, e.right);
  const rightEnd = f.builder.block;
  f.br(join);
  f.enter(join);
  return f.builder.phi(types.i1, [
    { block: leftEnd, value: constants.bool(e.operator === "||") },
    { block: rightEnd, value: rightValue },
  ]);
}
