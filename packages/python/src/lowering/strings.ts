// f-strings: each replacement field converted (`!r`, `!a`, `!s`) and formatted (`:spec`) as the type
// table says for its type, the pieces concatenated in order.

import { constants, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { type PyType, pyTypes } from "../py-types.js";
import { RT } from "../runtime-names.js";
import type { LoweringContext } from "./context.js";
import { lowerConstant, lowerExpression } from "./expressions.js";
import { operationsOf } from "./type-operations.js";

export function lowerJoinedStr(cx: LoweringContext, e: ast.JoinedStr): Value {
  let result: Value | null = null;
  for (const part of e.values) {
    const piece =
      part._type === "Constant" ? lowerConstant(cx, part) : lowerFormattedValue(cx, part as ast.FormattedValue);
    result = result === null ? piece : cx.rt(RT.strConcat, [result, piece], null);
  }
  return result ?? constants.str("");
}

function lowerFormattedValue(cx: LoweringContext, v: ast.FormattedValue): Value {
  const converted = convert(cx, lowerExpression(cx, v.value), cx.typeOf(v.value), v.conversion);
  const operations = operationsOf(converted.type);
  if (v.format_spec === null) return operations.str(cx, converted.value);
  const spec = lowerJoinedStr(cx, v.format_spec as ast.JoinedStr);
  return operations.format!(cx, converted.value, spec, cx.loc(v.value));
}

/** `!r` and `!a` make the repr, `!s` the str; without a conversion the value is formatted as it is. */
function convert(cx: LoweringContext, value: Value, type: PyType, conversion: number): { value: Value; type: PyType } {
  switch (conversion) {
    case CONVERSION_REPR:
    case CONVERSION_ASCII:
      return { value: operationsOf(type).repr(cx, value), type: pyTypes.str };
    case CONVERSION_STR:
      return { value: operationsOf(type).str(cx, value), type: pyTypes.str };
    default:
      return { value, type };
  }
}

// The conversion characters' codes, as CPython's AST stores them (-1 for none).
const CONVERSION_STR = 115;
const CONVERSION_REPR = 114;
const CONVERSION_ASCII = 97;
