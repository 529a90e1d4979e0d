// Structs and enum variants, held by value: a struct literal is one `struct_make` of its fields in
// declaration order (evaluated in the order written), a field read is a `struct_extract`, and a
// store to a field makes the whole value again with that field replaced, then stores it where it
// came from (a variable, or the field of an outer struct), so `p.a.b = x` rebuilds `p.a` and `p`.
// A variant is a `variant_make` of its index and payload (a struct of the payload's parts). An
// `rc<T>` is an object whose one field holds the T: `rc::new(x)` allocates it, a field reached
// through it is read from that field and a store to one writes the field in place (every holder of
// the `rc` sees it).

import {
  constants,
  lookupRuntimeFunction,
  specializeExternal,
  types,
  type Value,
  WEAK_CELL_FIELD,
} from "@toolchain/compiler";
import type { CallExpression, Expression, FieldAccessExpression, StructLiteral } from "../ast.js";
import type { VariantSymbol } from "../checker/symbols.js";
import type { EnumType, LumaType } from "../checker/types.js";
import { lowerExpression, lowerPlace } from "./expressions.js";
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

/** The field of an `rc<T>` object that holds the T: after its weak cell when it has one (types.ts). */
export function rcValueField(rc: Value): number {
  if (rc.type.kind !== "ref") throw new Error(`internal: ${rc.type.text} is not an rc`);
  return rc.type.layout.observedByWeak === true ? 1 : 0;
}

/** The T an `rc<T>` object holds. */
export function rcValue(f: FunctionLowering, rc: Value): Value {
  return f.builder.getField(rc, rcValueField(rc));
}

/** `rc::new(x)`: a new object holding the value, observed by no weak reference yet. */
export function newRc(f: FunctionLowering, type: LumaType, call: CallExpression): Value {
  const ref = f.irType(type, call);
  if (ref.kind !== "ref") throw new Error(`internal: ${type.text} is not an rc`);
  const value = lowerExpression(f, call.arguments[0]!);
  const fields = ref.layout.observedByWeak === true ? [constants.none(WEAK_CELL_FIELD.type), value] : [value];
  return f.builder.alloc(ref.layout, fields, f.loc(call.start));
}

/** `weak::new(&r)`: a weak reference to the object the `rc` `r` refers to. */
export function newWeak(f: FunctionLowering, call: CallExpression): Value {
  const argument = call.arguments[0]!;
  // `&r` names the rc to observe; a `ptr<rc<T>>` held elsewhere would point at counted memory,
  // which pointers may not (pointers.ts).
  if (argument.kind !== "AddressOf") return notSupported("a weak reference through a pointer", argument);
  const target = lowerExpression(f, argument.operand);
  const weakNew = specializeExternal(lookupRuntimeFunction("rt_weak_new")!, [target.type]);
  return f.builder.callExtern(weakNew, [target], null);
}

/** `w.upgrade()`: `Some` of the weak reference's target while an `rc` keeps it alive, else `None`. */
export function upgradeWeak(f: FunctionLowering, weak: Value, result: EnumType, at: Expression): Value {
  const alive = f.builder.callExtern(lookupRuntimeFunction("rt_weak_alive")!, [weak], null);
  const target = f.program.irTypes.of(result.typeArguments[0]!, at);
  const upgrade = specializeExternal(lookupRuntimeFunction("rt_weak_upgrade")!, [weak.type], target);
  const some = { index: 0, parts: () => [f.builder.callExtern(upgrade, [weak], null)] };
  return variantWhen(f, result, alive, some, NONE, at);
}

export function lowerFieldRead(f: FunctionLowering, e: FieldAccessExpression): Value {
  const access = fieldAccess(f, e);
  const object = lowerPlace(f, e.object);
  const struct = access.throughRc ? rcValue(f, object) : object;
  return f.builder.structExtract(struct, access.field.index);
}

/** `Shape::Circle(r)`, `Color::Red`, `Some(x)`, `None`: the variant of `type` with its payload's parts. */
export function lowerVariant(
  f: FunctionLowering,
  type: LumaType,
  variant: VariantSymbol,
  parts: readonly Expression[],
  at: Expression,
): Value {
  if (type.kind !== "enum") throw new Error(`internal: a variant of type ${type.text}`);
  const values = parts.map((part) => lowerExpression(f, part));
  return makeVariant(f, type, variant.index, values, at);
}

// The three operations on an enum's value, the only code that knows how IrTypes lays variants out
// (IrTypes.variantCase: a struct payload per case, or a bare nullable reference).

/** Variant `index` of the enum `type`, holding `parts` (its payload's, in order). */
export function makeVariant(
  f: FunctionLowering,
  type: EnumType,
  index: number,
  parts: readonly Value[],
  at: { start: number; end: number },
): Value {
  const ir = f.irType(type, at);
  if (ir.kind !== "variant") throw new Error(`internal: ${ir.text} is not a variant`);
  const { tag, bare } = f.program.irTypes.variantCase(type, index);
  const payload = ir.cases[tag]!;
  if (payload === types.unit) return f.builder.variantMake(ir, tag, null);
  return f.builder.variantMake(ir, tag, bare ? parts[0]! : f.builder.structMake(payload, [...parts]));
}

/** `None` (an Option's second variant, without parts) as a VariantChoice. */
export const NONE: VariantChoice = { index: 1, parts: () => [] };

/** One variant of an enum: its index, and the work that makes its parts (run in its own branch). */
export interface VariantChoice {
  readonly index: number;
  readonly parts: () => readonly Value[];
}

/**
 * The variant `ifTrue` describes when `condition` holds, else `ifFalse`'s, each made in a branch of
 * its own (so that work only one side needs, such as taking an element out, runs only there).
 */
export function variantWhen(
  f: FunctionLowering,
  type: EnumType,
  condition: Value,
  ifTrue: VariantChoice,
  ifFalse: VariantChoice,
  at: { start: number; end: number },
): Value {
  const yes = f.newBlock("variant.yes");
  const no = f.newBlock("variant.no");
  const join = f.newBlock("variant.end");
  f.condbr(condition, yes, no);
  const made = [ifTrue, ifFalse].map((choice, i) => {
    f.enter(i === 0 ? yes : no);
    const value = makeVariant(f, type, choice.index, choice.parts(), at);
    const from = f.builder.block;
    f.br(join);
    return { block: from, value };
  });
  f.enter(join);
  return f.builder.phi(made[0]!.value.type, made);
}

/** Whether `value`, of the enum `type`, is its variant `index`. */
export function isVariant(f: FunctionLowering, value: Value, type: EnumType, index: number): Value {
  const { tag } = f.program.irTypes.variantCase(type, index);
  const held = f.builder.variantTag(value);
  return f.builder.icmp("eq", held, constants.int(BigInt(tag), held.type));
}

/** Part `part` of the payload of `value`, known to be the enum's variant `index`. */
export function variantPart(f: FunctionLowering, value: Value, type: EnumType, index: number, part: number): Value {
  const { tag, bare } = f.program.irTypes.variantCase(type, index);
  const payload = f.builder.variantPayload(value, tag);
  return bare ? payload : f.builder.structExtract(payload, part);
}

export function fieldAccess(f: FunctionLowering, e: FieldAccessExpression) {
  const access = f.body.fields.get(e);
  if (access === undefined) throw new Error(`internal: no field access at ${e.start}`);
  return access;
}
