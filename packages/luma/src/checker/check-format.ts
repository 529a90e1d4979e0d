// Calls of `print`, `println`, `format` and `panic`: the first argument is a format string literal
// whose placeholders are counted against the arguments after it, each of which must be printable
// (a precision only for floats). A string that is not a literal is printed as it is, alone.

import type { CallExpression, Expression } from "../ast.js";
import type { BodyContext } from "./body-context.js";
import type { BuiltinFunction } from "./builtins.js";
import { checkExpression, checkExpressionAgainst } from "./check-expressions.js";
import { isFormatStringError, parseFormatString } from "./format-strings.js";
import { satisfies } from "./generics.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { FormatPlaceholder, FormatString } from "./typed-program.js";
import { CONSTRAINT_DESCRIPTIONS, containsError, isFloat, type LumaType, scalarTypes } from "./types.js";

export function checkFormatCall(cx: BodyContext, node: CallExpression, builtin: BuiltinFunction): LumaType {
  const result = builtin.signature(cx.types).result;
  const record = (format: FormatString | null) => {
    cx.body.calls.set(node, { kind: "builtin", name: builtin.name, typeArguments: [], format });
    if (format !== null) cx.body.formats.set(node, format);
  };
  const [first, ...values] = node.arguments;
  if (first === undefined) {
    if (builtin.name === "println") {
      record({ pieces: [] });
      return result;
    }
    cx.report({
      code: SemanticCode.ArgumentCount,
      message: `\`${builtin.name}\` takes a format string, but no argument was given`,
      start: node.start,
      end: node.end,
      label: "expected a format string",
      help: [`write \`${builtin.name}("…")\``],
    });
    record(null);
    return result;
  }
  if (first.kind !== "StringLiteral") {
    if (values.length === 0) checkExpressionAgainst(cx, first, scalarTypes.string);
    else {
      checkExpression(cx, first, null);
      cx.report({
        code: SemanticCode.FormatMismatch,
        message: `the format string of \`${builtin.name}\` must be a string literal`,
        start: first.start,
        end: first.end,
        label: "not a literal",
        help: [`format the values with a literal: \`${builtin.name}("{} {}", a, b)\``],
      });
      checkValuesAlone(cx, values);
    }
    record(null);
    return result;
  }
  cx.record(first, scalarTypes.string);
  const parsed = parseFormatString(first.value);
  if (isFormatStringError(parsed)) {
    // Point into the literal when its text is the decoded string (no escapes shift the offsets).
    const written = cx.textOf(first);
    const exact = !written.includes("\\");
    cx.report({
      code: SemanticCode.FormatMismatch,
      message: parsed.message,
      start: exact ? first.start + 1 + parsed.index : first.start,
      end: exact ? first.start + 1 + parsed.index + parsed.length : first.end,
      label: "in this format string",
    });
    checkValuesAlone(cx, values);
    record(null);
    return result;
  }
  const placeholders = parsed.pieces.filter((piece): piece is FormatPlaceholder => piece.kind === "placeholder");
  if (placeholders.length !== values.length) {
    const count = placeholders.length;
    cx.report({
      code: SemanticCode.FormatMismatch,
      message: `the format string has ${count} placeholder${count === 1 ? "" : "s"}, but ${values.length === 1 ? "1 argument was" : `${values.length} arguments were`} given`,
      start: first.start,
      end: first.end,
      label: `${count} placeholder${count === 1 ? "" : "s"}`,
      help: ["give one argument after the string for each `{}`"],
    });
  }
  for (const [index, value] of values.entries()) checkFormattedValue(cx, value, placeholders[index]);
  record(parsed);
  return result;
}

function checkValuesAlone(cx: BodyContext, values: readonly Expression[]): void {
  for (const value of values) checkExpression(cx, value, null);
}

function checkFormattedValue(cx: BodyContext, value: Expression, placeholder: FormatPlaceholder | undefined): void {
  const type = checkExpression(cx, value, null);
  if (containsError(type) || cx.isDeferred(type)) return;
  if (!satisfies(type, "printable", cx.types)) {
    cx.report({
      code: SemanticCode.UnmetConstraint,
      message: `expected ${CONSTRAINT_DESCRIPTIONS.printable}, found ${type.text}`,
      start: value.start,
      end: value.end,
      label: "cannot be formatted",
      help: ["format its parts instead"],
    });
    return;
  }
  if (placeholder !== undefined && placeholder.precision !== null && !isFloat(type)) {
    cx.report({
      code: SemanticCode.FormatMismatch,
      message: `a precision (\`.${placeholder.precision}\`) formats a float, found ${type.text}`,
      start: value.start,
      end: value.end,
      label: `${type.text} has no decimals`,
    });
  }
}
