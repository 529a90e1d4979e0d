// Literals with parts: fixed arrays (`[1, 2, 3]`, `[0; 64]`) and struct literals (`Point { x: 1.0,
// y: 2.0 }`), whose generic struct's type arguments are inferred from the fields and the context.

import type { ArrayLiteral, ArrayRepeatLiteral, Expression, FieldInitializer, StructLiteral } from "../ast.js";
import type { BodyContext } from "./body-context.js";
import { checkInferredArguments, finishInference } from "./check-calls.js";
import { constantLength } from "./check-constants.js";
import { checkExpression, checkExpressionAgainst, isFlexibleLiteral } from "./check-expressions.js";
import { closestName } from "./closest-name.js";
import { Inference } from "./generics.js";
import { lookupNominalType, resolveType } from "./resolve-types.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { EnumSymbol } from "./symbols.js";
import { containsError, containsUnknown, type LumaType, scalarTypes } from "./types.js";

const { error } = scalarTypes;

/** The element type an expected fixed array type asks for, if it says. */
function expectedElement(expected: LumaType | null): LumaType | null {
  if (expected?.kind !== "fixed-array" || containsUnknown(expected.element)) return null;
  return expected.element;
}

/**
 * `[a, b, c]`: a `[3]T`. T is the expected element type, else the type of the first element that
 * is not a bare number literal (so `[1, x]` with `x: u8` is `[2]u8`), else the first element's.
 */
export function checkArrayLiteral(cx: BodyContext, node: ArrayLiteral, expected: LumaType | null): LumaType {
  const elements = node.elements;
  let elementType = expectedElement(expected);
  if (elements.length === 0) {
    if (elementType !== null) return cx.types.fixedArray(elementType, 0);
    if (expected !== null && containsError(expected)) return error;
    cx.report({
      code: SemanticCode.CannotInfer,
      message: "cannot infer the element type of an empty array literal",
      start: node.start,
      end: node.end,
      label: "type unknown",
      help: ["give the variable a type, as in `let a: [0]i64 = [];`"],
    });
    return error;
  }
  let first: Expression | null = null;
  if (elementType === null) {
    first = elements.find((element) => !isFlexibleLiteral(element)) ?? elements[0]!;
    elementType = checkExpression(cx, first, null);
  }
  for (const element of elements) {
    if (element !== first) checkExpressionAgainst(cx, element, elementType);
  }
  return elementType.kind === "error" ? error : cx.types.fixedArray(elementType, elements.length);
}

/** `[value; count]`: a `[count]T` of copies, the count a constant. */
export function checkArrayRepeat(cx: BodyContext, node: ArrayRepeatLiteral, expected: LumaType | null): LumaType {
  const element = expectedElement(expected);
  const valueType =
    element === null ? checkExpression(cx, node.value, null) : checkExpressionAgainst(cx, node.value, element);
  const length = constantLength(node.count, cx, "a repeat literal's length");
  const type = element ?? valueType;
  return length === null || type.kind === "error" ? error : cx.types.fixedArray(type, length);
}

/** The name of a struct literal that is not a struct's: an enum, a type of another kind, or unknown. */
function reportNotAStruct(cx: BodyContext, node: StructLiteral, symbol: EnumSymbol | null): void {
  let found: string;
  const help: string[] = [];
  if (symbol !== null) {
    found = `the enum \`${symbol.name}\``;
    help.push(`make a value of an enum with a variant: \`${symbol.name}::${symbol.variants[0]?.name ?? "Variant"}\``);
  } else {
    // Resolving the name as a type reports an unknown name or one that is not a type.
    const typeNode = {
      kind: "NamedType" as const,
      name: node.type,
      typeArguments: [],
      start: node.type.start,
      end: node.type.end,
    };
    const type = resolveType(typeNode, cx);
    if (containsError(type)) return;
    found = type.text;
  }
  cx.report({
    code: SemanticCode.TypeMismatch,
    message: `expected a struct, found ${found}`,
    start: node.type.start,
    end: node.type.end,
    label: "a struct literal needs a struct",
    help,
  });
}

/** Checks the values of a literal that cannot be checked against anything, for their own errors. */
function checkFieldValuesAlone(cx: BodyContext, fields: readonly FieldInitializer[]): void {
  for (const field of fields) checkExpression(cx, field.value, null);
}

export function checkStructLiteral(cx: BodyContext, node: StructLiteral, expected: LumaType | null): LumaType {
  const symbol = lookupNominalType(node.type.name, cx.program);
  if (symbol?.kind !== "struct") {
    reportNotAStruct(cx, node, symbol);
    checkFieldValuesAlone(cx, node.fields);
    return error;
  }
  const inference = new Inference(symbol.typeParameters, cx.types);
  if (expected?.kind === "struct" && expected.symbol === symbol) {
    inference.unify(cx.types.struct(symbol, symbol.typeParameters), expected);
  }
  const given = new Map<string, FieldInitializer>();
  const pairs: { value: Expression; parameter: LumaType }[] = [];
  for (const initializer of node.fields) {
    const name = initializer.name.name;
    const field = symbol.fields.find((candidate) => candidate.name === name);
    const earlier = given.get(name);
    if (field === undefined) {
      const suggestion = closestName(
        name,
        symbol.fields.map((candidate) => candidate.name),
      );
      cx.report({
        code: SemanticCode.UnknownField,
        message: `struct \`${symbol.name}\` has no field \`${name}\``,
        start: initializer.name.start,
        end: initializer.name.end,
        label: "unknown field",
        help: suggestion === null ? [] : [`a field with a similar name exists: \`${suggestion}\``],
      });
      checkExpression(cx, initializer.value, null);
    } else if (earlier !== undefined) {
      cx.report({
        code: SemanticCode.DuplicateFieldInitializer,
        message: `field \`${name}\` is given twice`,
        start: initializer.name.start,
        end: initializer.name.end,
        label: "given again here",
        related: [cx.placeOf(earlier.name, "first given here")],
      });
      checkExpression(cx, initializer.value, null);
    } else {
      given.set(name, initializer);
      pairs.push({ value: initializer.value, parameter: field.type });
    }
  }
  const sawError = checkInferredArguments(cx, inference, pairs);
  const missing = symbol.fields.filter((field) => !given.has(field.name)).map((field) => `\`${field.name}\``);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
    cx.report({
      code: SemanticCode.MissingFields,
      message: `missing field${missing.length === 1 ? "" : "s"} ${list} in the literal of \`${symbol.name}\``,
      start: node.type.start,
      end: node.type.end,
      label: `missing ${list}`,
      help: ["every field of a struct is given a value when it is made"],
    });
  }
  finishInference(cx, node.type, inference, `the struct \`${symbol.name}\``, sawError || missing.length > 0);
  return cx.types.struct(symbol, inference.typeArguments());
}
