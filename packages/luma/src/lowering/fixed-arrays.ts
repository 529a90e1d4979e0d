// Fixed arrays `[N]T`, held by value as the language says, on the same array object as `Array<T>`.
// Value semantics come from copying: an expression that reads a place (a variable, a field, an
// element) whose type holds a fixed array by value (the array itself, or a struct or an enum variant with one in a
// field) gives a copy, unless it is read in place: indexed, iterated, measured, sorted, or a
// field taken out of it (expressions.ts `lowerPlace`). So every variable, field and element owns
// its arrays alone, and a store `a[i] = v` writes the array in place. A literal `[a, b, c]` or
// `[v; N]` makes a new array.

import type { Value } from "@toolchain/compiler";
import type { ArrayLiteral, ArrayRepeatLiteral, Expression } from "../ast.js";
import type { LumaType } from "../checker/types.js";
import { isVariant, makeVariant, variantPart } from "./aggregates.js";
import { eachElement, newArray, pushElement } from "./arrays.js";
import { lowerExpression } from "./expressions.js";
import type { FunctionLowering } from "./function-context.js";

export function lowerArrayLiteral(f: FunctionLowering, e: ArrayLiteral | ArrayRepeatLiteral): Value {
  const type = f.body.typeOf(e);
  if (type.kind !== "fixed-array") throw new Error(`internal: an array literal of type ${type.text}`);
  const array = newArray(f, type, e);
  if (e.kind === "ArrayLiteral") {
    for (const element of e.elements) pushElement(f, array, lowerExpression(f, element));
    return array;
  }
  const value = lowerExpression(f, e.value);
  for (let i = 0; i < type.length; i++) pushElement(f, array, i === 0 ? value : copyValue(f, value, type.element, e));
  return array;
}

/** Whether a value of the type holds a fixed array by value (not behind an `Array`, `Map` or `rc`). */
export function holdsFixedArray(f: FunctionLowering, type: LumaType): boolean {
  switch (type.kind) {
    case "fixed-array":
      return true;
    case "struct":
      return f.program.irTypes.fieldTypes(type).some((t) => holdsFixedArray(f, t));
    case "enum":
      return type.symbol.variants.some((_, i) =>
        (f.program.irTypes.payloadTypes(type, i) ?? []).some((t) => holdsFixedArray(f, t)),
      );
    default:
      return false;
  }
}

/** A copy of `value` that shares no fixed array with it. */
export function copyValue(f: FunctionLowering, value: Value, type: LumaType, at: Expression): Value {
  if (!holdsFixedArray(f, type)) return value;
  switch (type.kind) {
    case "fixed-array": {
      const copy = newArray(f, type, at);
      eachElement(f, value, (element) => pushElement(f, copy, copyValue(f, element, type.element, at)));
      return copy;
    }
    case "struct": {
      const fields = f.program.irTypes
        .fieldTypes(type)
        .map((fieldType, i) => copyValue(f, f.builder.structExtract(value, i), fieldType, at));
      return f.builder.structMake(value.type, fields);
    }
    case "enum": {
      // Only the variants holding a fixed array are made again, each under the test of its tag.
      const copied = { hidden: "copy.variant", type: value.type };
      const done = f.newBlock("copy.end");
      type.symbol.variants.forEach((_, index) => {
        const parts = f.program.irTypes.payloadTypes(type, index);
        if (parts === null || !parts.some((part) => holdsFixedArray(f, part))) return;
        const here = f.newBlock("copy.variant");
        const other = f.newBlock("copy.next");
        f.condbr(isVariant(f, value, type, index), here, other);
        f.enter(here);
        const copies = parts.map((part, i) => copyValue(f, variantPart(f, value, type, index, i), part, at));
        f.writeVariable(copied, makeVariant(f, type, index, copies, at));
        f.br(done);
        f.enter(other);
      });
      f.writeVariable(copied, value);
      f.br(done);
      f.enter(done);
      return f.readVariable(copied);
    }
    default:
      throw new Error(`internal: a copy of ${type.text}`);
  }
}
