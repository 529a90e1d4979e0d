// Operators and conversions: `?` (passing a `None` or `Err` on to the caller), `as` casts between
// number types, the unary operators and the binary ones under the same-type rule (no implicit
// conversions: both operands of an operator have one type).

import type {
  BinaryExpression,
  BinaryOperator,
  CastExpression,
  Expression,
  TryExpression,
  UnaryExpression,
} from "../ast.js";
import { type BodyContext, castHelp } from "./body-context.js";
import {
  checkExpression,
  checkExpressionAgainst,
  checkIntegerLiteral,
  isCompatible,
  isFlexibleLiteral,
} from "./check-expressions.js";
import { satisfies } from "./generics.js";
import { isOptionType, isResultType } from "./prelude.js";
import { resolveType } from "./resolve-types.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import { containsError, type EnumType, isFloat, isInteger, isNumeric, type LumaType, scalarTypes } from "./types.js";

const { bool, error } = scalarTypes;

export function checkTry(cx: BodyContext, node: TryExpression): LumaType {
  const operand = checkExpression(cx, node.operand, null);
  if (containsError(operand) || cx.isDeferred(operand)) return error;
  const isOption = isOptionType(operand);
  if (!isOption && !isResultType(operand)) {
    cx.report({
      code: SemanticCode.InvalidTry,
      message: `the \`?\` operator applies to an Option or a Result, found ${operand.text}`,
      start: node.operand.start,
      end: node.operand.end,
      label: "neither Option nor Result",
    });
    return error;
  }
  // Option or Result: an enum of the prelude.
  const tried = operand as EnumType;
  const value = tried.typeArguments[0]!;
  const target = cx.returnTargets.at(-1);
  const returned = target?.type ?? null;
  const what = target?.kind === "closure" ? "closure" : "function";
  if (returned === null || containsError(returned) || cx.isDeferred(returned)) {
    if (returned === null) {
      cx.report({
        code: SemanticCode.InvalidTry,
        message: `the \`?\` operator needs a ${target === undefined ? "function" : what} whose return type is known`,
        start: node.start,
        end: node.end,
        label: "cannot pass the failure on",
        help: target === undefined ? [] : ["declare the closure's return type: `|x: T| -> Option<U> { … }`"],
      });
    }
    return value;
  }
  const fits = isOption ? isOptionType(returned) : isResultType(returned);
  if (!fits) {
    const declared = cx.enclosingFunction?.declaration.returnType ?? null;
    cx.report({
      code: SemanticCode.InvalidTry,
      message: `the \`?\` operator on ${isOption ? "an Option" : "a Result"} needs a ${what} returning ${isOption ? "Option" : "Result"}, found one returning ${returned.text}`,
      start: node.start,
      end: node.end,
      label: `would return ${isOption ? "None" : "the Err"} from a ${what} returning ${returned.text}`,
      related:
        what === "function" && declared !== null ? [cx.placeOf(declared, "the return type is declared here")] : [],
    });
    return value;
  }
  if (!isOption && returned.kind === "enum") {
    const errorType = tried.typeArguments[1]!;
    const returnedError = returned.typeArguments[1]!;
    if (!isCompatible(cx, errorType, returnedError)) {
      cx.report({
        code: SemanticCode.InvalidTry,
        message: `the \`?\` operator would return an error of type ${errorType.text} from a ${what} whose error type is ${returnedError.text}`,
        start: node.start,
        end: node.end,
        label: `the error is ${errorType.text}`,
        help: ["convert the error first with a `match`"],
      });
    }
  }
  return value;
}

export function checkCast(cx: BodyContext, node: CastExpression): LumaType {
  const target = resolveType(node.type, cx);
  const hint = isNumeric(target) && isFlexibleLiteral(node.operand) ? target : null;
  const operand = checkExpression(cx, node.operand, hint);
  if (containsError(target) || containsError(operand)) return containsError(target) ? error : target;
  if (cx.isDeferred(operand) || cx.isDeferred(target) || isValidCast(operand, target)) return target;
  const help =
    operand.kind === "string" && isNumeric(target)
      ? [`parse it: \`${cx.textOf(node.operand)}.parse_${isFloat(target) ? "f64" : "i64"}()\``]
      : isNumeric(operand) && target.kind === "bool"
        ? [`compare instead: \`${cx.textOf(node.operand)} != 0\``]
        : [];
  cx.report({
    code: SemanticCode.InvalidCast,
    message: `cannot cast ${operand.text} to ${target.text}`,
    start: node.start,
    end: node.end,
    label: "`as` converts between number types",
    help,
  });
  return target;
}

/** `as` converts numbers to numbers, bool to integers, and pointers to pointers and 64-bit integers. */
function isValidCast(from: LumaType, to: LumaType): boolean {
  if (from === to) return true;
  if (isNumeric(from) && isNumeric(to)) return true;
  if (from.kind === "bool" && isInteger(to)) return true;
  const isAddressInteger = (type: LumaType) => isInteger(type) && type.bits === 64;
  if (from.kind === "pointer") return to.kind === "pointer" || isAddressInteger(to);
  return to.kind === "pointer" && isAddressInteger(from);
}

export function checkUnary(cx: BodyContext, node: UnaryExpression, expected: LumaType | null): LumaType {
  const operand = node.operand;
  if (node.operator === "-" && operand.kind === "IntegerLiteral") {
    return cx.record(operand, checkIntegerLiteral(cx, operand, expected, true, node));
  }
  if (node.operator === "!") {
    const type = checkExpression(cx, operand, bool);
    if (type === bool || containsError(type) || cx.isDeferred(type)) return bool;
    reportInvalidUnary(cx, node, type, isInteger(type) ? ["for a bitwise not of an integer, write `~`"] : []);
    return error;
  }
  const type = checkExpression(cx, operand, expected);
  if (containsError(type) || cx.isDeferred(type)) return type;
  if (node.operator === "~") {
    if (isInteger(type)) return type;
    reportInvalidUnary(cx, node, type, type === bool ? ["for a logical not, write `!`"] : []);
    return error;
  }
  if (isFloat(type) || (isInteger(type) && type.signed)) return type;
  reportInvalidUnary(cx, node, type, isInteger(type) ? [`cast to a signed type first: \`-(x as i64)\``] : []);
  return error;
}

function reportInvalidUnary(cx: BodyContext, node: UnaryExpression, type: LumaType, help: string[]): void {
  cx.report({
    code: SemanticCode.InvalidOperand,
    message: `cannot apply unary \`${node.operator}\` to ${type.text}`,
    start: node.start,
    end: node.end,
    label: `\`${node.operator}\` does not take ${type.text}`,
    help,
  });
}

export const COMPARISONS: ReadonlySet<BinaryOperator> = new Set(["==", "!=", "<", "<=", ">", ">="]);

export function checkBinary(cx: BodyContext, node: BinaryExpression, expected: LumaType | null): LumaType {
  const operator = node.operator;
  if (operator === "&&" || operator === "||") {
    checkExpressionAgainst(cx, node.left, bool);
    checkExpressionAgainst(cx, node.right, bool);
    return bool;
  }
  const hint = COMPARISONS.has(operator) ? null : expected;
  const hintFrom = (type: LumaType) => (type.kind === "error" ? hint : type);
  let left: LumaType;
  let right: LumaType;
  if (isFlexibleLiteral(node.left) && !isFlexibleLiteral(node.right)) {
    right = checkExpression(cx, node.right, hint);
    left = checkExpression(cx, node.left, hintFrom(right));
  } else {
    left = checkExpression(cx, node.left, hint);
    right = checkExpression(cx, node.right, hintFrom(left));
  }
  return binaryResult(cx, operator, node.left, left, node.right, right);
}

/**
 * The type of `left operator right` for operands already checked (also for compound assignments,
 * `x += e`), reporting operands the operator does not take.
 */
export function binaryResult(
  cx: BodyContext,
  operator: BinaryOperator,
  leftNode: Expression,
  left: LumaType,
  rightNode: Expression,
  right: LumaType,
): LumaType {
  const comparison = COMPARISONS.has(operator);
  if (containsError(left) || containsError(right)) return comparison ? bool : error;
  if (cx.isDeferred(left) || cx.isDeferred(right)) return comparison ? bool : left === right ? left : error;
  if (left !== right) {
    cx.report({
      code: SemanticCode.InvalidOperand,
      message: `cannot apply \`${operator}\` to ${left.text} and ${right.text}`,
      start: rightNode.start,
      end: rightNode.end,
      label: `this is ${right.text}`,
      related: [cx.placeOf(leftNode, `this is ${left.text}`)],
      help: isNumeric(left) && isNumeric(right) ? [castHelp(cx, rightNode, left)] : [],
    });
    return comparison ? bool : error;
  }
  if (operatorTakes(cx, operator, left)) return comparison ? bool : left;
  cx.report({
    code: SemanticCode.InvalidOperand,
    message: `cannot apply \`${operator}\` to ${left.text}`,
    start: leftNode.start,
    end: rightNode.end,
    label: `\`${operator}\` does not take ${left.text}`,
    help: operator === "+" && left.kind === "array" ? ["add elements with `push`"] : [],
  });
  return comparison ? bool : error;
}

function operatorTakes(cx: BodyContext, operator: BinaryOperator, type: LumaType): boolean {
  switch (operator) {
    case "+":
      return isNumeric(type) || type.kind === "string";
    case "-":
    case "*":
    case "/":
    case "%":
    case "**":
      return isNumeric(type);
    case "&":
    case "|":
    case "^":
      return isInteger(type) || type === bool;
    case "<<":
    case ">>":
      return isInteger(type);
    case "==":
    case "!=":
      return satisfies(type, "equatable", cx.types);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return satisfies(type, "ordered", cx.types);
    default:
      return false;
  }
}
