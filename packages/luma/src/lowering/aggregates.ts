// Structs and enum variants, held by value: a struct literal is one `struct_make` of its fields in
// declaration order (evaluated in the order written), a field read is a `struct_extract`, and a
// store to a field makes the whole value again with that field replaced, then stores it where it
// came from (a variable, or the field of an outer struct), so `p.a.b = x` rebuilds `p.a` and `p`.
// A variant is a `variant_make` of its index and payload (a struct of the payload's parts).

import { constants, type IrType, types, type Value } from "@toolchain/compiler";
import type { Expression, FieldAccessExpression, StructLiteral } from "../ast.js";
import type { VariantSymbol } from "../checker/symbols.js";
import type { EnumType, LumaType } from "../checker/types.js";
import { storeArrayElement } from "./arrays.js";
import { lowerExpression } from "./expressions.js";
import type { FunctionLowering } from "./function-context.js";
import { notSupported } from "./unsupported.js";

export function lowerStructLiteral(f: FunctionLowering, e: StructLiteral): Value {
  const type = f.body.typeOf(e);
  if (type.kind !== "struct") throw new Error(`internal: a struct literal of type ${type.text}`);
  const values = new Map(e.fields.map((field) => [field.name.name, lowerExpression(f, field.value)] as const));
  const fields = type.symbol.fields.map((field) => {
    const value = values.get(field.name);
    if (value === undefined) throw new Error(`internal: the literal at ${e.start} lacks field ${field.name}`);
    return value;
  });
  return f.builder.structMake(f.irType(type, e), fields);
}

export function lowerFieldRead(f: FunctionLowering, e: FieldAccessExpression): Value {
  const access = fieldAccess(f, e);
  return f.builder.structExtract(lowerExpression(f, e.object), access.field.index);
}

/** Stores `value` at a place: a variable, or a field of a struct that is itself at a place. */
export function storeToPlace(f: FunctionLowering, target: Expression, value: Value): void {
  switch (target.kind) {
    case "Name":
    case "Self": {
      const reference = f.body.references.get(target);
      if (reference?.kind !== "local") throw new Error(`internal: a store to a non-variable at ${target.start}`);
      if (reference.captured) notSupported("closures", target);
      f.writeVariable(reference.local, value);
      return;
    }
    case "FieldAccess": {
      const access = fieldAccess(f, target);
      const whole = lowerExpression(f, target.object);
      const structType = whole.type;
      if (structType.kind !== "struct") throw new Error(`internal: a field store into ${structType.text}`);
      const fields = structType.fields.map((_, i) =>
        i === access.field.index ? value : f.builder.structExtract(whole, i),
      );
      storeToPlace(f, target.object, f.builder.structMake(structType, fields));
      return;
    }
    case "Index":
      if (f.body.indexes.get(target) !== "array") notSupported("assignment to this place", target);
      storeArrayElement(f, target, value);
      return;
    default:
      notSupported("assignment to this place", target);
  }
}

/** `Shape::Circle(r)`, `Color::Red`, `Some(x)`, `None`: the variant of `type` with its payload's parts. */
export function lowerVariant(
  f: FunctionLowering,
  type: LumaType,
  variant: VariantSymbol,
  parts: readonly Expression[],
  at: Expression,
): Value {
  const enumType = type as EnumType;
  if (enumType.kind !== "enum") throw new Error(`internal: a variant of type ${type.text}`);
  const ir = f.irType(enumType, at);
  const values = parts.map((part) => lowerExpression(f, part));
  const payload = payloadType(ir, variant.index);
  if (payload === types.unit) return f.builder.variantMake(ir, variant.index, null);
  return f.builder.variantMake(ir, variant.index, f.builder.structMake(payload, values));
}

/** The payload type of case `tag` of an IR variant (unit for a variant without payload). */
export function payloadType(variant: IrType, tag: number): IrType {
  if (variant.kind !== "variant") throw new Error(`internal: ${variant.text} is not a variant`);
  return variant.cases[tag] ?? constants.unit().type;
}

function fieldAccess(f: FunctionLowering, e: FieldAccessExpression) {
  const access = f.body.fields.get(e);
  if (access === undefined) throw new Error(`internal: no field access at ${e.start}`);
  if (access.throughRc) notSupported("fields through `rc`", e);
  return access;
}
