// Constants: a `const`'s initialiser, checked against its declared type and evaluated on first use
// (a constant may use constants declared after it, but not itself), and the constant lengths of
// fixed arrays (`[N]T`, `[v; N]`).

import type { Expression } from "../ast.js";
import { BodyContext } from "./body-context.js";
import { checkExpression, checkExpressionAgainst } from "./check-expressions.js";
import { type ConstantValue, evaluateConstant } from "./constant-evaluation.js";
import type { ProgramContext } from "./program-context.js";
import type { TypeScope } from "./resolve-types.js";
import { type Place, SemanticCode } from "./semantic-diagnostics.js";
import type { ConstSymbol } from "./symbols.js";
import { TypedBody } from "./typed-program.js";
import { containsError, isInteger } from "./types.js";

/** The largest fixed array length: its elements are held by value, on the stack or in a struct. */
export const MAX_FIXED_ARRAY_LENGTH = 1 << 24;

/**
 * The value of a constant, evaluating its initialiser on first use. `use` is where another constant
 * or an array length needs it: if that happens while the constant is being evaluated, the constant
 * depends on itself, which is reported there.
 */
export function valueOfConstant(
  program: ProgramContext,
  constant: ConstSymbol,
  use: Place | null,
): ConstantValue | null {
  if (constant.evaluation === "done") return constant.value;
  if (constant.evaluation === "running") {
    if (use !== null) {
      program.diagnostics.report({
        ...use,
        code: SemanticCode.ConstantCycle,
        message: `the value of constant \`${constant.name}\` depends on itself`,
        label: "used in its own definition",
        related: [
          {
            file: constant.file,
            start: constant.declaration.name.start,
            end: constant.declaration.name.end,
            label: `\`${constant.name}\` is defined here`,
          },
        ],
      });
    }
    return null;
  }
  constant.evaluation = "running";
  const body = new TypedBody();
  program.constantBodies.set(constant, body);
  const cx = new BodyContext(program, constant.file, body, "constant", new Map(), null, null);
  const type = checkExpressionAgainst(cx, constant.declaration.value, constant.type);
  constant.value =
    containsError(type) || containsError(constant.type) ? null : evaluateIn(cx, constant.declaration.value);
  constant.evaluation = "done";
  return constant.value;
}

/**
 * The length `[N]T` or `[v; N]` gives, checked and evaluated where the type or literal is written;
 * null (reported) when it is not a constant non-negative integer.
 */
export function constantLength(expression: Expression, scope: TypeScope, what: string): number | null {
  const cx = new BodyContext(scope.program, scope.file, new TypedBody(), "constant", scope.typeParameters, null, null);
  // In a body, the body's variables are visible, so that using one is "not a constant", not "unknown".
  if (scope instanceof BodyContext) cx.scope = scope.scope;
  const type = checkExpression(cx, expression, null);
  if (containsError(type)) return null;
  if (!isInteger(type)) {
    cx.report({
      code: SemanticCode.TypeMismatch,
      message: `expected an integer for ${what}, found ${type.text}`,
      start: expression.start,
      end: expression.end,
      label: "not an integer",
    });
    return null;
  }
  const value = evaluateIn(cx, expression);
  if (value === null || value.kind !== "integer") return null;
  if (value.value < 0n || value.value > BigInt(MAX_FIXED_ARRAY_LENGTH)) {
    cx.report({
      code: SemanticCode.ConstantEvaluation,
      message: `${what} must be from 0 to ${MAX_FIXED_ARRAY_LENGTH}, found ${value.value}`,
      start: expression.start,
      end: expression.end,
      label: "out of range",
      help: ["a larger array belongs on the heap: `Array<T>`"],
    });
    return null;
  }
  return Number(value.value);
}

function evaluateIn(cx: BodyContext, expression: Expression): ConstantValue | null {
  return evaluateConstant(expression, {
    body: cx.body,
    valueOfConstant: (constant, use) =>
      valueOfConstant(cx.program, constant, { file: cx.file, start: use.start, end: use.end }),
    report: (problem) => cx.report(problem),
  });
}
