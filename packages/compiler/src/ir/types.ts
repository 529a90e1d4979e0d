// The IR's types as data. Every type is an interned object, so two types are the same exactly when
// they are the same object (`a === b`), whichever module or pass built them; `text` is the printed form.
//
// Scalars: integers `i1 i8 i16 i32 i64` (signedness is an operation's business, as in LLVM), floats
// `f32 f64`, `unit` (the type with one value: Python's None, LumaScript's `()`), `void` (no value:
// the result of an instruction that produces none), and `ptr` (a raw address the runtime hands out,
// never counted). Managed and composite types:
// - `ref L`: a reference-counted object of the layout L (layouts.ts); never null.
// - `{A, B}`: a struct held by value (tuples, a function value's code and environment).
// - `variant{A | B | ...}`: a tagged union; a variant of `unit` and one `ref` is the cheap optional
//   object, represented as a possibly-null pointer.
// - `fn(A, B) -> R`: a function value, a code pointer and a managed environment (closures).
// - `tagged`: a 64-bit word that is either an immediate integer (low bit 0) or a counted reference
//   (low bit 1, the object at word - 1), as a language's arbitrary-precision integer is held: the
//   common small values cost no allocation and no count, yet the word is counted like a `ref`.
//   A tagged constant without a value is the absent word (the runtime's rt_absent): no integer, a
//   language's "nothing" beside its integers, so an optional integer is one word.

import type { Layout } from "./layouts.js";

export type IrType =
  | IntType
  | FloatType
  | UnitType
  | VoidType
  | PtrType
  | TaggedType
  | RefType
  | StructType
  | VariantType
  | FnType;

interface TypeBase {
  /** The printed form, unique per type: `i64`, `ref Node`, `{i64, f64}`, `fn(i64) -> i64`. */
  readonly text: string;
}

export interface IntType extends TypeBase {
  readonly kind: "int";
  readonly bits: 1 | 8 | 16 | 32 | 64;
}

export interface FloatType extends TypeBase {
  readonly kind: "float";
  readonly bits: 32 | 64;
}

export interface UnitType extends TypeBase {
  readonly kind: "unit";
}

export interface VoidType extends TypeBase {
  readonly kind: "void";
}

export interface PtrType extends TypeBase {
  readonly kind: "ptr";
}

export interface TaggedType extends TypeBase {
  readonly kind: "tagged";
}

export interface RefType extends TypeBase {
  readonly kind: "ref";
  readonly layout: Layout;
}

export interface StructType extends TypeBase {
  readonly kind: "struct";
  readonly fields: readonly IrType[];
}

export interface VariantType extends TypeBase {
  readonly kind: "variant";
  /** The cases; a value's tag is the index of its case. */
  readonly cases: readonly IrType[];
}

export interface FnType extends TypeBase {
  readonly kind: "fn";
  readonly params: readonly IrType[];
  readonly result: IrType;
}

/** The scalar types, one object each. */
export const types = {
  i1: { kind: "int", bits: 1, text: "i1" } as IntType,
  i8: { kind: "int", bits: 8, text: "i8" } as IntType,
  i16: { kind: "int", bits: 16, text: "i16" } as IntType,
  i32: { kind: "int", bits: 32, text: "i32" } as IntType,
  i64: { kind: "int", bits: 64, text: "i64" } as IntType,
  f32: { kind: "float", bits: 32, text: "f32" } as FloatType,
  f64: { kind: "float", bits: 64, text: "f64" } as FloatType,
  unit: { kind: "unit", text: "unit" } as UnitType,
  void: { kind: "void", text: "void" } as VoidType,
  ptr: { kind: "ptr", text: "ptr" } as PtrType,
  tagged: { kind: "tagged", text: "tagged" } as TaggedType,
} as const;

/** Scalar types by name, for the text parser. */
export const scalarTypes: ReadonlyMap<string, IrType> = new Map(Object.values(types).map((t) => [t.text, t]));

/**
 * References are interned per layout object (two modules may each declare a layout `Node`): the
 * text is only the printed form, so refs live in a table of their own keyed by the layout.
 */
const refs = new WeakMap<Layout, RefType>();

export function refType(layout: Layout): RefType {
  let ref = refs.get(layout);
  if (ref === undefined) {
    ref = { kind: "ref", layout, text: `ref ${layout.name}` };
    refs.set(layout, ref);
  }
  return ref;
}

/**
 * Composite types are keyed by their parts' identities, not their text, for the same reason:
 * `{ref Node}` of one module is not that of another.
 */
const composites = new Map<string, IrType>();
const typeIds = new WeakMap<IrType, number>();
let nextTypeId = 0;

function identityKey(parts: readonly IrType[]): string {
  return parts
    .map((t) => {
      let id = typeIds.get(t);
      if (id === undefined) {
        id = nextTypeId++;
        typeIds.set(t, id);
      }
      return id;
    })
    .join(",");
}

function internComposite<T extends IrType>(key: string, make: () => T): T {
  const existing = composites.get(key);
  if (existing !== undefined) return existing as T;
  const made = make();
  composites.set(key, made);
  return made;
}

export function structType(fields: readonly IrType[]): StructType {
  return internComposite(`s${identityKey(fields)}`, () => ({
    kind: "struct",
    fields: [...fields],
    text: `{${fields.map((f) => f.text).join(", ")}}`,
  }));
}

export function variantType(cases: readonly IrType[]): VariantType {
  if (cases.length < 2) throw new Error("a variant has at least two cases");
  return internComposite(`v${identityKey(cases)}`, () => ({
    kind: "variant",
    cases: [...cases],
    text: `variant{${cases.map((c) => c.text).join(" | ")}}`,
  }));
}

export function fnType(params: readonly IrType[], result: IrType): FnType {
  return internComposite(`f${identityKey([...params, result])}`, () => ({
    kind: "fn",
    params: [...params],
    result,
    text: `fn(${params.map((p) => p.text).join(", ")}) -> ${result.text}`,
  }));
}

export function isInt(type: IrType): type is IntType {
  return type.kind === "int";
}

export function isFloat(type: IrType): type is FloatType {
  return type.kind === "float";
}

/**
 * True when a value of the type holds references that must be counted: a `ref`, a tagged word
 * (which may be one), a function value (its environment), or a struct or variant with such a part.
 */
export function holdsReferences(type: IrType): boolean {
  switch (type.kind) {
    case "ref":
    case "tagged":
    case "fn":
      return true;
    case "struct":
      return type.fields.some(holdsReferences);
    case "variant":
      return type.cases.some(holdsReferences);
    default:
      return false;
  }
}

/**
 * The variant `unit | ref L` (either order of cases is not allowed: unit first), represented as a
 * pointer that is null for the unit case: the cheap optional object.
 */
export function isNullableRef(type: IrType): boolean {
  return (
    type.kind === "variant" && type.cases.length === 2 && type.cases[0] === types.unit && type.cases[1]!.kind === "ref"
  );
}
