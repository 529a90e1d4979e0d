// Constant values: a `const`'s initialiser and a fixed array's length (`[N]T`, `[v; N]`) are
// computed while compiling, from literals, other constants, operators and casts, with the
// semantics the program would have at run time: integers in their type's range (overflow is an
// error here, as it is a panic in a debug build), `/` and `%` truncating toward zero, `as` wrapping
// between integers and truncating (saturating) from floats to integers, f32 rounded as f32.
//
// The expression has been type-checked first; evaluation reads the types from the body's tables.

import type { BinaryExpression, Expression } from "../ast.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { ConstSymbol } from "./symbols.js";
import type { TypedBody } from "./typed-program.js";
import { type IntegerType, isFloat, isInteger, type LumaType } from "./types.js";

export type ConstantValue =
  | { readonly kind: "integer"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "string"; readonly value: string };

/** A problem found while evaluating, in offsets of the expression's file. */
export interface ConstantProblem {
  readonly code: typeof SemanticCode.NotConstant | typeof SemanticCode.ConstantEvaluation;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly label?: string;
  readonly help?: readonly string[];
}

export interface ConstantContext {
  readonly body: TypedBody;
  /** The value of a constant the expression names, evaluated on first use; null if it has none. */
  valueOfConstant(constant: ConstSymbol, use: Expression): ConstantValue | null;
  report(problem: ConstantProblem): void;
}

/** Thrown to abandon an evaluation that has been reported (or that met an already reported error). */
class Abandon {}

/** The value of a checked expression, or null when it is not a constant (reported, unless already). */
export function evaluateConstant(expression: Expression, context: ConstantContext): ConstantValue | null {
  try {
    return evaluate(expression, context);
  } catch (caught) {
    if (caught instanceof Abandon) return null;
    throw caught;
  }
}

function evaluate(expression: Expression, context: ConstantContext): ConstantValue {
  const type = context.body.expressionTypes.get(expression);
  if (type === undefined || type.kind === "error") throw new Abandon();
  switch (expression.kind) {
    case "IntegerLiteral":
      return isFloat(type) ? float(Number(expression.value), type) : literal(expression.value, type);
    case "FloatLiteral":
      return float(expression.value, type);
    case "StringLiteral":
      return { kind: "string", value: expression.value };
    case "BooleanLiteral":
      return { kind: "bool", value: expression.value };
    case "Name": {
      const reference = context.body.references.get(expression);
      if (reference?.kind !== "const") return notConstant(expression, context);
      const value = context.valueOfConstant(reference.constant, expression);
      if (value === null) throw new Abandon();
      return value;
    }
    case "Unary":
      if (expression.operator === "-" && expression.operand.kind === "IntegerLiteral" && isInteger(type)) {
        return literal(-expression.operand.value, type);
      }
      return evaluateUnary(expression.operator, expression, evaluate(expression.operand, context), type, context);
    case "Binary":
      return evaluateBinary(expression, type, context);
    case "Cast":
      return convert(evaluate(expression.operand, context), type, expression, context);
    default:
      return notConstant(expression, context);
  }
}

/** An integer literal's value; one out of its type's range has been reported by the checker. */
function literal(value: bigint, type: LumaType): ConstantValue {
  if (isInteger(type) && (value < type.min || value > type.max)) throw new Abandon();
  return { kind: "integer", value };
}

function notConstant(expression: Expression, context: ConstantContext): never {
  context.report({
    code: SemanticCode.NotConstant,
    message: "expected a constant expression, found one computed at run time",
    start: expression.start,
    end: expression.end,
    label: "not a constant",
    help: ["a constant is made of literals, other constants, operators and `as` casts"],
  });
  throw new Abandon();
}

function overflow(expression: Expression, type: LumaType, context: ConstantContext): never {
  context.report({
    code: SemanticCode.ConstantEvaluation,
    message: `this constant expression overflows ${type.text}`,
    start: expression.start,
    end: expression.end,
    label: `out of ${type.text}'s range`,
  });
  throw new Abandon();
}

function float(value: number, type: LumaType): ConstantValue {
  return { kind: "float", value: type.kind === "float" && type.bits === 32 ? Math.fround(value) : value };
}

function checked(value: bigint, type: IntegerType, expression: Expression, context: ConstantContext): ConstantValue {
  if (value < type.min || value > type.max) overflow(expression, type, context);
  return { kind: "integer", value };
}

function wrap(value: bigint, type: IntegerType): bigint {
  return type.signed ? BigInt.asIntN(type.bits, value) : BigInt.asUintN(type.bits, value);
}

function evaluateUnary(
  operator: "-" | "!" | "~",
  expression: Expression,
  operand: ConstantValue,
  type: LumaType,
  context: ConstantContext,
): ConstantValue {
  if (operand.kind === "integer" && isInteger(type)) {
    return operator === "-"
      ? checked(-operand.value, type, expression, context)
      : { kind: "integer", value: wrap(~operand.value, type) };
  }
  if (operand.kind === "float") return float(-operand.value, type);
  if (operand.kind === "bool") return { kind: "bool", value: !operand.value };
  return notConstant(expression, context);
}

function evaluateBinary(expression: BinaryExpression, type: LumaType, context: ConstantContext): ConstantValue {
  const left = evaluate(expression.left, context);
  if (expression.operator === "&&" || expression.operator === "||") {
    if (left.kind !== "bool") return notConstant(expression, context);
    if (left.value === (expression.operator === "||")) return left;
    return evaluate(expression.right, context);
  }
  const right = evaluate(expression.right, context);
  const operator = expression.operator;
  const comparison = compare(operator, left, right);
  if (comparison !== null) return { kind: "bool", value: comparison };
  if (left.kind === "integer" && right.kind === "integer" && isInteger(type)) {
    return integerArithmetic(expression, left.value, right.value, type, context);
  }
  if (left.kind === "float" && right.kind === "float") {
    const result = floatArithmetic(operator, left.value, right.value);
    return result === null ? notConstant(expression, context) : float(result, type);
  }
  if (left.kind === "bool" && right.kind === "bool") {
    if (operator === "&") return { kind: "bool", value: left.value && right.value };
    if (operator === "|") return { kind: "bool", value: left.value || right.value };
    if (operator === "^") return { kind: "bool", value: left.value !== right.value };
  }
  if (left.kind === "string" && right.kind === "string" && operator === "+") {
    return { kind: "string", value: left.value + right.value };
  }
  return notConstant(expression, context);
}

/** The result of a comparison operator, or null for another operator. */
function compare(operator: string, left: ConstantValue, right: ConstantValue): boolean | null {
  const a = left.value;
  const b = right.value;
  switch (operator) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    default:
      return null;
  }
}

function integerArithmetic(
  expression: BinaryExpression,
  a: bigint,
  b: bigint,
  type: IntegerType,
  context: ConstantContext,
): ConstantValue {
  const divisionByZero = (): never => {
    context.report({
      code: SemanticCode.ConstantEvaluation,
      message: "this constant expression divides by zero",
      start: expression.start,
      end: expression.end,
      label: "division by zero",
    });
    throw new Abandon();
  };
  switch (expression.operator) {
    case "+":
      return checked(a + b, type, expression, context);
    case "-":
      return checked(a - b, type, expression, context);
    case "*":
      return checked(a * b, type, expression, context);
    case "/":
      return b === 0n ? divisionByZero() : checked(a / b, type, expression, context);
    case "%":
      return b === 0n ? divisionByZero() : checked(a % b, type, expression, context);
    case "**": {
      if (b < 0n) {
        context.report({
          code: SemanticCode.ConstantEvaluation,
          message: "an integer cannot be raised to a negative power",
          start: expression.right.start,
          end: expression.right.end,
          label: "negative exponent",
        });
        throw new Abandon();
      }
      // Past 64 doublings every base other than -1, 0 and 1 has left the widest type.
      if (b > 64n && (a > 1n || a < -1n)) overflow(expression, type, context);
      return checked(a ** b, type, expression, context);
    }
    case "&":
      return { kind: "integer", value: wrap(a & b, type) };
    case "|":
      return { kind: "integer", value: wrap(a | b, type) };
    case "^":
      return { kind: "integer", value: wrap(a ^ b, type) };
    case "<<":
    case ">>": {
      if (b < 0n || b >= BigInt(type.bits)) {
        context.report({
          code: SemanticCode.ConstantEvaluation,
          message: `a shift of ${type.text} must be by 0 to ${type.bits - 1} bits, found ${b}`,
          start: expression.right.start,
          end: expression.right.end,
          label: "shift amount out of range",
        });
        throw new Abandon();
      }
      return { kind: "integer", value: wrap(expression.operator === "<<" ? a << b : a >> b, type) };
    }
    default:
      return notConstant(expression, context);
  }
}

function floatArithmetic(operator: string, a: number, b: number): number | null {
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a % b;
    case "**":
      return a ** b;
    default:
      return null;
  }
}

/** `value as type`, as the program would compute it. */
function convert(
  value: ConstantValue,
  type: LumaType,
  expression: Expression,
  context: ConstantContext,
): ConstantValue {
  if (isInteger(type)) {
    if (value.kind === "integer") return { kind: "integer", value: wrap(value.value, type) };
    if (value.kind === "bool") return { kind: "integer", value: value.value ? 1n : 0n };
    if (value.kind === "float") {
      if (Number.isNaN(value.value)) return { kind: "integer", value: 0n };
      if (value.value === Number.POSITIVE_INFINITY) return { kind: "integer", value: type.max };
      if (value.value === Number.NEGATIVE_INFINITY) return { kind: "integer", value: type.min };
      const truncated = BigInt(Math.trunc(value.value));
      const saturated = truncated < type.min ? type.min : truncated > type.max ? type.max : truncated;
      return { kind: "integer", value: saturated };
    }
  }
  if (isFloat(type)) {
    if (value.kind === "integer") return float(Number(value.value), type);
    if (value.kind === "float") return float(value.value, type);
  }
  if (type.kind === value.kind) return value;
  return notConstant(expression, context);
}
