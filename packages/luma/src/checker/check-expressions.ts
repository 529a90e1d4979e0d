// Expressions: each is given a type, recorded in the body's tables, from its parts and from the type
// its context expects. The expected type is a hint that flows down (`let x: u8 = 1 + 2` types both
// literals as `u8`; `let xs: Array<i64> = Array::new()` infers `T`); whether the result fits is
// checked where the context demands it (`checkExpressionAgainst`). The rules:
//
// - No implicit conversions: operands of an operator have one type, and `as` converts numbers.
// - An integer literal takes the expected numeric type (i64 by default), a float literal the
//   expected float type (f64 by default), range-checked; in an operation the other operand's type
//   is the context, so `x + 1` with `x: u8` adds two `u8`s.
// - An expression whose type is `error` has been reported: nothing more is said about it.
//
// Names used as values are in check-names.ts, operators and casts in check-operators.ts, calls in
// check-calls.ts, closures in check-closures.ts, literals of arrays and structs in check-literals.ts.

import type { Expression, FieldAccessExpression, IndexExpression, IntegerLiteral, NodeBase } from "../ast.js";
import { type BodyContext, castHelp } from "./body-context.js";
import { builtinMethod } from "./builtin-methods.js";
import { checkCall } from "./check-calls.js";
import { checkClosure } from "./check-closures.js";
import { checkArrayLiteral, checkArrayRepeat, checkStructLiteral } from "./check-literals.js";
import { checkName, checkPath, checkSelf, reportMethodAsValue } from "./check-names.js";
import { COMPARISONS, checkBinary, checkCast, checkTry, checkUnary } from "./check-operators.js";
import { closestName } from "./closest-name.js";
import { fieldTypesOf, Inference } from "./generics.js";
import { isOptionType, isResultType } from "./prelude.js";
import { resolveType } from "./resolve-types.js";
import { type LabelledPlace, SemanticCode } from "./semantic-diagnostics.js";
import {
  containsError,
  containsUnknown,
  type FloatType,
  type IntegerType,
  isFloat,
  isInteger,
  isNumeric,
  type LumaType,
  type StructType,
  scalarTypes,
} from "./types.js";

const { i64, f64, bool, error } = scalarTypes;

/** Checks an expression with an optional expected type as a hint; records and returns its type. */
export function checkExpression(cx: BodyContext, expression: Expression, expected: LumaType | null): LumaType {
  return cx.record(expression, typeOfExpression(cx, expression, expected));
}

/** Checks an expression that must have the `expected` type, reporting a mismatch. */
export function checkExpressionAgainst(
  cx: BodyContext,
  expression: Expression,
  expected: LumaType,
  because?: LabelledPlace,
): LumaType {
  const found = checkExpression(cx, expression, expected);
  if (!isCompatible(cx, found, expected)) reportMismatch(cx, expression, expected, found, because);
  return found;
}

/**
 * Whether a value of `found` may stand where `expected` is wanted: the same type, or one that says
 * nothing (an error already reported, a part still unknown, a type parameter of a generic body that
 * the instances will settle).
 */
export function isCompatible(cx: BodyContext, found: LumaType, expected: LumaType): boolean {
  if (found === expected || cx.isDeferred(found) || cx.isDeferred(expected)) return true;
  if (containsError(found) || containsError(expected)) return true;
  // A hint with holes (`Option<_>`) fits a type that agrees with it wherever it is known.
  return containsUnknown(expected) && new Inference([], cx.types).unify(expected, found);
}

/** "expected i64, found f64" at the expression, with help for the usual ways out. */
export function reportMismatch(
  cx: BodyContext,
  expression: Expression,
  expected: LumaType,
  found: LumaType,
  because?: LabelledPlace,
): void {
  const help: string[] = [];
  if (isNumeric(expected) && isNumeric(found)) help.push(castHelp(cx, expression, expected));
  else if (isOptionType(expected) && expected.typeArguments[0] === found) help.push(`wrap the value: \`Some(…)\``);
  else if ((isOptionType(found) || isResultType(found)) && found.typeArguments[0] === expected) {
    help.push("take the value out with `?`, a `match`, or `.unwrap()`");
  }
  cx.report({
    code: SemanticCode.TypeMismatch,
    message: `expected ${expected.text}, found ${found.text}`,
    start: expression.start,
    end: expression.end,
    label: `expected ${expected.text}`,
    related: because === undefined ? [] : [because],
    help,
  });
}

function typeOfExpression(cx: BodyContext, expression: Expression, expected: LumaType | null): LumaType {
  switch (expression.kind) {
    case "IntegerLiteral":
      return checkIntegerLiteral(cx, expression, expected, false, expression);
    case "FloatLiteral":
      return checkFloatLiteral(cx, expression, expression.value, expected);
    case "StringLiteral":
      return scalarTypes.string;
    case "BooleanLiteral":
      return bool;
    case "ArrayLiteral":
      return checkArrayLiteral(cx, expression, expected);
    case "ArrayRepeat":
      return checkArrayRepeat(cx, expression, expected);
    case "StructLiteral":
      return checkStructLiteral(cx, expression, expected);
    case "Name":
      return checkName(cx, expression, expected);
    case "Self":
      return checkSelf(cx, expression);
    case "Path":
      return checkPath(cx, expression, expected);
    case "Call":
      return checkCall(cx, expression, expected);
    case "FieldAccess":
      return checkFieldAccess(cx, expression);
    case "Index":
      return checkIndex(cx, expression);
    case "Try":
      return checkTry(cx, expression);
    case "Cast":
      return checkCast(cx, expression);
    case "Unary":
      return checkUnary(cx, expression, expected);
    case "AddressOf": {
      const target = checkExpression(cx, expression.operand, null);
      if (containsError(target)) return error;
      if (!isPlace(cx, expression.operand)) {
        cx.report({
          code: SemanticCode.NotAssignable,
          message: "cannot take the address of a temporary value",
          start: expression.operand.start,
          end: expression.operand.end,
          label: "not a variable, field or element",
          help: ["store the value in a variable first, and take the variable's address"],
        });
        return error;
      }
      const operand = expression.operand;
      const reference = operand.kind === "Name" ? cx.body.references.get(operand) : undefined;
      if (reference?.kind === "local") cx.body.addressTaken.add(reference.local);
      return cx.types.pointer(target);
    }
    case "Dereference": {
      const pointer = checkExpression(cx, expression.operand, null);
      if (pointer.kind === "pointer") return pointer.target;
      if (containsError(pointer) || cx.isDeferred(pointer)) return error;
      cx.report({
        code: SemanticCode.InvalidOperand,
        message: `cannot dereference ${pointer.text}`,
        start: expression.start,
        end: expression.end,
        label: "`@` takes a ptr<T>",
      });
      return error;
    }
    case "Binary":
      return checkBinary(cx, expression, expected);
    case "Range":
      checkExpression(cx, expression.lower, null);
      checkExpression(cx, expression.upper, null);
      cx.report({
        code: SemanticCode.RangeOutsideFor,
        message: "a range can only be the iterable of a `for` loop",
        start: expression.start,
        end: expression.end,
        label: "not in a `for` loop",
        help: ["loop over it: `for i in a..b { … }`"],
      });
      return error;
    case "Closure":
      return checkClosure(cx, expression, expected);
    case "Sizeof":
      cx.body.namedTypes.set(expression, resolveType(expression.type, cx));
      return i64;
    case "Alloc": {
      const element = resolveType(expression.type, cx);
      cx.body.namedTypes.set(expression, element);
      checkExpressionAgainst(cx, expression.count, i64);
      return element.kind === "error" ? error : cx.types.pointer(element);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Literals

/**
 * An expression whose type comes from its context alone: a number literal, or an operator applied
 * to such. `x + 1` checks `x` first and gives `1` its type.
 */
export function isFlexibleLiteral(expression: Expression): boolean {
  switch (expression.kind) {
    case "IntegerLiteral":
    case "FloatLiteral":
      return true;
    case "Unary":
      return expression.operator !== "!" && isFlexibleLiteral(expression.operand);
    case "Binary":
      return (
        !COMPARISONS.has(expression.operator) &&
        expression.operator !== "&&" &&
        expression.operator !== "||" &&
        isFlexibleLiteral(expression.left) &&
        isFlexibleLiteral(expression.right)
      );
    default:
      return false;
  }
}

/**
 * An integer literal, negated when it is the operand of a unary minus (`reported` is then the minus
 * expression): `-128` fits an `i8` where `128` does not.
 */
export function checkIntegerLiteral(
  cx: BodyContext,
  literal: IntegerLiteral,
  expected: LumaType | null,
  negated: boolean,
  reported: NodeBase,
): LumaType {
  let type: LumaType = i64;
  if (expected !== null && (isNumeric(expected) || (expected.kind === "type-parameter" && cx.isDeferred(expected)))) {
    type = expected;
  }
  if (isInteger(type)) {
    const value = negated ? -literal.value : literal.value;
    if (value < type.min || value > type.max) reportOutOfRange(cx, reported, type);
  } else if (isFloat(type)) {
    checkFloatRange(cx, reported, Number(literal.value), type);
  }
  return type;
}

function checkFloatLiteral(cx: BodyContext, literal: NodeBase, value: number, expected: LumaType | null): LumaType {
  if (expected !== null && expected.kind === "type-parameter" && cx.isDeferred(expected)) return expected;
  const type = expected !== null && isFloat(expected) ? expected : f64;
  checkFloatRange(cx, literal, value, type);
  return type;
}

function checkFloatRange(cx: BodyContext, node: NodeBase, value: number, type: FloatType): void {
  if (type.bits === 32 && Number.isFinite(value) && !Number.isFinite(Math.fround(value)))
    reportOutOfRange(cx, node, type);
}

function reportOutOfRange(cx: BodyContext, node: NodeBase, type: IntegerType | FloatType): void {
  const range = isInteger(type) ? `${type.min} to ${type.max}` : "values up to about 3.4e38";
  cx.report({
    code: SemanticCode.LiteralOutOfRange,
    message: `literal out of range for ${type.text}`,
    start: node.start,
    end: node.end,
    label: `${type.text} holds ${range}`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Fields and elements

/** The struct a value's fields belong to: the value's own type, or the target of its `rc<T>`. */
export function structBehind(type: LumaType): { struct: StructType; throughRc: boolean } | null {
  if (type.kind === "struct") return { struct: type, throughRc: false };
  if (type.kind === "rc" && type.target.kind === "struct") return { struct: type.target, throughRc: true };
  return null;
}

function checkFieldAccess(cx: BodyContext, node: FieldAccessExpression): LumaType {
  const objectType = checkExpression(cx, node.object, null);
  if (containsError(objectType) || cx.isDeferred(objectType)) return error;
  const name = node.field.name;
  const behind = structBehind(objectType);
  if (behind !== null) {
    const field = behind.struct.symbol.fields.find((candidate) => candidate.name === name);
    if (field !== undefined) {
      const type = fieldTypesOf(behind.struct, cx.types)[field.index]!;
      cx.body.fields.set(node, { struct: behind.struct, field, type, throughRc: behind.throughRc });
      return type;
    }
  }
  const target = objectType.kind === "rc" ? objectType.target : objectType;
  const userMethod =
    target.kind === "struct" || target.kind === "enum" ? target.symbol.members.get(name) !== undefined : false;
  if (userMethod || builtinMethod(objectType, name, cx.types) !== null) {
    reportMethodAsValue(cx, node.field, name);
    return error;
  }
  reportUnknownField(cx, node, objectType, behind?.struct ?? null);
  return error;
}

function reportUnknownField(
  cx: BodyContext,
  node: FieldAccessExpression,
  objectType: LumaType,
  struct: StructType | null,
): void {
  const fieldNames = struct?.symbol.fields.map((field) => field.name) ?? [];
  const suggestion = closestName(node.field.name, fieldNames);
  const help =
    suggestion !== null
      ? [`a field with a similar name exists: \`${suggestion}\``]
      : fieldNames.length > 0
        ? [`the fields of \`${struct!.text}\` are ${fieldNames.map((name) => `\`${name}\``).join(", ")}`]
        : [];
  cx.report({
    code: SemanticCode.UnknownField,
    message: `no field \`${node.field.name}\` on type ${objectType.text}`,
    start: node.field.start,
    end: node.field.end,
    label: "unknown field",
    help,
  });
}

function checkIndex(cx: BodyContext, node: IndexExpression): LumaType {
  const objectType = checkExpression(cx, node.object, null);
  if (objectType.kind === "map") {
    cx.body.indexes.set(node, "map");
    checkExpressionAgainst(cx, node.index, objectType.key);
    return objectType.value;
  }
  const element =
    objectType.kind === "array" || objectType.kind === "fixed-array"
      ? objectType.element
      : objectType.kind === "pointer"
        ? objectType.target
        : objectType.kind === "string"
          ? scalarTypes.u8
          : null;
  if (element === null) {
    checkExpression(cx, node.index, null);
    if (!containsError(objectType) && !cx.isDeferred(objectType)) {
      cx.report({
        code: SemanticCode.NotIndexable,
        message: `cannot index into a value of type ${objectType.text}`,
        start: node.object.start,
        end: node.object.end,
        label: "not an array, map or string",
      });
    }
    return error;
  }
  cx.body.indexes.set(
    node,
    objectType.kind === "pointer" ? "pointer" : (objectType.kind as "array" | "fixed-array" | "string"),
  );
  const indexType = checkExpression(cx, node.index, i64);
  if (!containsError(indexType) && !isInteger(indexType) && !cx.isDeferred(indexType)) {
    cx.report({
      code: SemanticCode.TypeMismatch,
      message: `expected an integer index, found ${indexType.text}`,
      start: node.index.start,
      end: node.index.end,
      label: "not an integer",
    });
  }
  if (objectType.kind === "fixed-array") checkConstantIndex(cx, node, objectType.length);
  return element;
}

/** `a[5]` of a `[3]T` is wrong whatever runs: reported now rather than as a panic. */
function checkConstantIndex(cx: BodyContext, node: IndexExpression, length: number): void {
  const index = node.index;
  let value: bigint | null = null;
  if (index.kind === "IntegerLiteral") value = index.value;
  else if (index.kind === "Unary" && index.operator === "-" && index.operand.kind === "IntegerLiteral") {
    value = -index.operand.value;
  }
  if (value === null || (value >= 0n && value < BigInt(length))) return;
  cx.report({
    code: SemanticCode.IndexOutOfBounds,
    message: `index ${value} is out of bounds for an array of length ${length}`,
    start: index.start,
    end: index.end,
    label: `valid indexes are 0 to ${length - 1}`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Places

/**
 * True when an expression names storage that can be assigned or have its address taken: a
 * variable, a field of a place or of an `rc`, an element of a place or of a heap container, or a
 * dereference. Reads the types and references already recorded for it.
 */
export function isPlace(cx: BodyContext, expression: Expression): boolean {
  switch (expression.kind) {
    case "Name":
      return cx.body.references.get(expression)?.kind === "local";
    case "Self":
    case "Dereference":
      return true;
    case "FieldAccess":
      return cx.body.fields.get(expression)?.throughRc === true || isPlace(cx, expression.object);
    case "Index": {
      const kind = cx.body.indexes.get(expression);
      return (
        kind === "array" ||
        kind === "map" ||
        kind === "pointer" ||
        (kind === "fixed-array" && isPlace(cx, expression.object))
      );
    }
    default:
      return false;
  }
}
