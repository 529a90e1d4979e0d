// LumaScript's types as data, in the style of the IR's (`packages/compiler/src/ir/types.ts`): every
// type is one object, so two types are the same exactly when they are the same object (`a === b`),
// and `text` is how diagnostics spell it (`i64`, `Array<i64>`, `[3]f64`, `func(i64) -> bool`).
//
// The scalars (`i8`…`u64`, `f32`, `f64`, `bool`, `string`, unit) and the error type are one object
// each for every program (`scalarTypes`). Composite types are interned by a `TypeInterner`, one per
// checked program, keyed by their parts' ids: a struct or enum type is its declaration instantiated
// with type arguments (`Pair<i64, f64>`), as AssemblyScript instantiates a prototype per type
// arguments, so `Pair<i64, f64>` built twice is one object. `Option<T>` and `Result<T, E>` are enums
// of the prelude (`prelude.ts`), matched and constructed like any enum.
//
// Two types exist only while checking: `error`, the type of an expression already reported as wrong
// (anything may be done with it, silently, so one mistake gives one diagnostic), and `unknown`, a
// hole in an expected type (`Option<_>` while a call's type arguments are still being inferred),
// which never reaches the checker's result.

import type { EnumSymbol, StructSymbol } from "./symbols.js";

export type LumaType =
  | IntegerType
  | FloatType
  | BoolType
  | StringType
  | UnitType
  | FixedArrayType
  | ArrayType
  | MapType
  | RcType
  | WeakType
  | PointerType
  | MempoolType
  | FunctionType
  | StructType
  | EnumType
  | TypeParameterType
  | ErrorType
  | UnknownType;

interface TypeBase {
  /** Unique per type object in the process; interning keys are built from these. */
  readonly id: number;
  /**
   * The spelling in diagnostics. Types are shared parts, so a type may be far bigger written out
   * than held (`Pair<P, P>` with P itself such a pair, thirty times over); past
   * `MAX_TYPE_TEXT_LENGTH` characters the spelling is cut short with `…`.
   */
  readonly text: string;
}

/** The longest spelling of a type; see `TypeBase.text`. */
export const MAX_TYPE_TEXT_LENGTH = 200;

/** A composite type's spelling, cut short when too long. */
function spelling(text: string): string {
  return text.length <= MAX_TYPE_TEXT_LENGTH ? text : `${text.slice(0, MAX_TYPE_TEXT_LENGTH)}…`;
}

export type IntegerName = "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64";

export interface IntegerType extends TypeBase {
  readonly kind: "integer";
  readonly name: IntegerName;
  readonly bits: 8 | 16 | 32 | 64;
  readonly signed: boolean;
  /** The smallest and largest values, for range-checking literals and constants. */
  readonly min: bigint;
  readonly max: bigint;
}

export interface FloatType extends TypeBase {
  readonly kind: "float";
  readonly name: "f32" | "f64";
  readonly bits: 32 | 64;
}

export interface BoolType extends TypeBase {
  readonly kind: "bool";
}

export interface StringType extends TypeBase {
  readonly kind: "string";
}

/** The type of a call to a function declared without `-> R`; it cannot be written in a program. */
export interface UnitType extends TypeBase {
  readonly kind: "unit";
}

/** `[N]T`: N values of T, held by value. */
export interface FixedArrayType extends TypeBase {
  readonly kind: "fixed-array";
  readonly element: LumaType;
  readonly length: number;
}

/** `Array<T>`: a growable, reference-counted array. */
export interface ArrayType extends TypeBase {
  readonly kind: "array";
  readonly element: LumaType;
}

/** `Map<K, V>`: a reference-counted hash table iterated in insertion order. */
export interface MapType extends TypeBase {
  readonly kind: "map";
  readonly key: LumaType;
  readonly value: LumaType;
}

/** `rc<T>`: a counted reference to a T on the heap; fields and methods of T are reached through it. */
export interface RcType extends TypeBase {
  readonly kind: "rc";
  readonly target: LumaType;
}

/** `weak<T>`: a reference that does not keep its `rc<T>`'s target alive. */
export interface WeakType extends TypeBase {
  readonly kind: "weak";
  readonly target: LumaType;
}

/** `mempool`: a pool of raw blocks of one size (`mempool::new(block_size)`), freed with the pool. */
export interface MempoolType extends TypeBase {
  readonly kind: "mempool";
}

/** `ptr<T>`: a raw address, for the standard library and C functions; never counted. */
export interface PointerType extends TypeBase {
  readonly kind: "pointer";
  readonly target: LumaType;
}

/** `func(A, B) -> R`: named functions and closures; `result` is unit for `func(A)`. */
export interface FunctionType extends TypeBase {
  readonly kind: "function";
  readonly parameters: readonly LumaType[];
  readonly result: LumaType;
}

/** A struct declaration instantiated with type arguments (none for a non-generic struct). */
export interface StructType extends TypeBase {
  readonly kind: "struct";
  readonly symbol: StructSymbol;
  readonly typeArguments: readonly LumaType[];
}

/** An enum declaration (or the prelude's `Option`/`Result`) instantiated with type arguments. */
export interface EnumType extends TypeBase {
  readonly kind: "enum";
  readonly symbol: EnumSymbol;
  readonly typeArguments: readonly LumaType[];
}

/**
 * `T` of a generic declaration: an object per declaration's parameter (two declarations' `T` are
 * different types). It appears in declared signatures and while checking a generic body once for
 * all type arguments; instances substitute concrete types for it.
 */
export interface TypeParameterType extends TypeBase {
  readonly kind: "type-parameter";
  readonly name: string;
}

/** The type of an expression that has been reported as wrong: it matches anything, silently. */
export interface ErrorType extends TypeBase {
  readonly kind: "error";
}

/** A part of an expected type not known yet (printed `_`); never the type of an expression. */
export interface UnknownType extends TypeBase {
  readonly kind: "unknown";
}

let nextTypeId = 0;

/** Ids for types and symbols alike: one counter, so an interning key never mixes up the two. */
export function nextId(): number {
  return nextTypeId++;
}

function integer(name: IntegerName, bits: 8 | 16 | 32 | 64, signed: boolean): IntegerType {
  const width = BigInt(bits);
  const min = signed ? -(1n << (width - 1n)) : 0n;
  const max = signed ? (1n << (width - 1n)) - 1n : (1n << width) - 1n;
  return { kind: "integer", id: nextId(), text: name, name, bits, signed, min, max };
}

/** The types that are one object for every program. */
export const scalarTypes = {
  i8: integer("i8", 8, true),
  i16: integer("i16", 16, true),
  i32: integer("i32", 32, true),
  i64: integer("i64", 64, true),
  u8: integer("u8", 8, false),
  u16: integer("u16", 16, false),
  u32: integer("u32", 32, false),
  u64: integer("u64", 64, false),
  f32: { kind: "float", id: nextId(), text: "f32", name: "f32", bits: 32 } as FloatType,
  f64: { kind: "float", id: nextId(), text: "f64", name: "f64", bits: 64 } as FloatType,
  bool: { kind: "bool", id: nextId(), text: "bool" } as BoolType,
  string: { kind: "string", id: nextId(), text: "string" } as StringType,
  mempool: { kind: "mempool", id: nextId(), text: "mempool" } as MempoolType,
  unit: { kind: "unit", id: nextId(), text: "()" } as UnitType,
  error: { kind: "error", id: nextId(), text: "{error}" } as ErrorType,
  unknown: { kind: "unknown", id: nextId(), text: "_" } as UnknownType,
} as const;

/** The scalar types a program names (`unit`, `error` and `unknown` have no name). */
export const NAMED_SCALAR_TYPES: ReadonlyMap<string, LumaType> = new Map(
  (["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64", "bool", "string", "mempool"] as const).map(
    (name) => [name, scalarTypes[name]],
  ),
);

/** A new type parameter, distinct from every other, even of the same name. */
export function typeParameter(name: string): TypeParameterType {
  return { kind: "type-parameter", id: nextId(), text: name, name };
}

/**
 * The composite types of one program. Keys are kind and part ids, so a type's identity depends only
 * on its parts' identities; the interner lives as long as the program that uses it.
 */
export class TypeInterner {
  private readonly interned = new Map<string, LumaType>();

  /** Every type made so far. */
  all(): IterableIterator<LumaType> {
    return this.interned.values();
  }

  fixedArray(element: LumaType, length: number): FixedArrayType {
    return this.intern(`[${length}]${element.id}`, () => ({
      kind: "fixed-array",
      id: nextId(),
      text: spelling(`[${length}]${element.text}`),
      element,
      length,
    }));
  }

  array(element: LumaType): ArrayType {
    return this.intern(`A${element.id}`, () => ({
      kind: "array",
      id: nextId(),
      text: spelling(`Array<${element.text}>`),
      element,
    }));
  }

  map(key: LumaType, value: LumaType): MapType {
    return this.intern(`M${key.id},${value.id}`, () => ({
      kind: "map",
      id: nextId(),
      text: spelling(`Map<${key.text}, ${value.text}>`),
      key,
      value,
    }));
  }

  rc(target: LumaType): RcType {
    return this.intern(`rc${target.id}`, () => ({
      kind: "rc",
      id: nextId(),
      text: spelling(`rc<${target.text}>`),
      target,
    }));
  }

  weak(target: LumaType): WeakType {
    return this.intern(`weak${target.id}`, () => ({
      kind: "weak",
      id: nextId(),
      text: spelling(`weak<${target.text}>`),
      target,
    }));
  }

  pointer(target: LumaType): PointerType {
    return this.intern(`ptr${target.id}`, () => ({
      kind: "pointer",
      id: nextId(),
      text: spelling(`ptr<${target.text}>`),
      target,
    }));
  }

  function(parameters: readonly LumaType[], result: LumaType): FunctionType {
    const key = `F${parameters.map((p) => p.id).join(",")}>${result.id}`;
    return this.intern(key, () => ({
      kind: "function",
      id: nextId(),
      text: spelling(
        `func(${parameters.map((p) => p.text).join(", ")})${result === scalarTypes.unit ? "" : ` -> ${result.text}`}`,
      ),
      parameters: [...parameters],
      result,
    }));
  }

  struct(symbol: StructSymbol, typeArguments: readonly LumaType[]): StructType {
    return this.intern(`S${symbol.id}<${typeArguments.map((t) => t.id).join(",")}>`, () => ({
      kind: "struct",
      id: nextId(),
      text: nominalText(symbol.name, typeArguments),
      symbol,
      typeArguments: [...typeArguments],
    }));
  }

  enum(symbol: EnumSymbol, typeArguments: readonly LumaType[]): EnumType {
    return this.intern(`E${symbol.id}<${typeArguments.map((t) => t.id).join(",")}>`, () => ({
      kind: "enum",
      id: nextId(),
      text: nominalText(symbol.name, typeArguments),
      symbol,
      typeArguments: [...typeArguments],
    }));
  }

  private intern<T extends LumaType>(key: string, make: () => T): T {
    const existing = this.interned.get(key);
    if (existing !== undefined) return existing as T;
    const made = make();
    this.interned.set(key, made);
    return made;
  }
}

function nominalText(name: string, typeArguments: readonly LumaType[]): string {
  return typeArguments.length === 0 ? name : spelling(`${name}<${typeArguments.map((t) => t.text).join(", ")}>`);
}

// ---------------------------------------------------------------------------------------------------
// Questions about types

export function isInteger(type: LumaType): type is IntegerType {
  return type.kind === "integer";
}

export function isFloat(type: LumaType): type is FloatType {
  return type.kind === "float";
}

export function isNumeric(type: LumaType): type is IntegerType | FloatType {
  return type.kind === "integer" || type.kind === "float";
}

/** The types directly inside a type (not a struct's or enum's fields: those are its declaration's). */
export function typeParts(type: LumaType): readonly LumaType[] {
  switch (type.kind) {
    case "fixed-array":
    case "array":
      return [type.element];
    case "map":
      return [type.key, type.value];
    case "rc":
    case "weak":
    case "pointer":
      return [type.target];
    case "function":
      return [...type.parameters, type.result];
    case "struct":
    case "enum":
      return type.typeArguments;
    default:
      return [];
  }
}

/** True when `type` or a part of it satisfies `test`; each shared part is looked at once. */
export function someTypePart(
  type: LumaType,
  test: (part: LumaType) => boolean,
  seen: Set<LumaType> = new Set(),
): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  return test(type) || typeParts(type).some((part) => someTypePart(part, test, seen));
}

/** True for a type that is, or holds, the error type: it was already reported. */
export function containsError(type: LumaType): boolean {
  return someTypePart(type, (part) => part.kind === "error");
}

export function containsTypeParameter(type: LumaType): boolean {
  return someTypePart(type, (part) => part.kind === "type-parameter");
}

export function containsUnknown(type: LumaType): boolean {
  return someTypePart(type, (part) => part.kind === "unknown");
}

/** What a built-in operation demands of a type: `sort` wants ordered elements, `Map` hashable keys. */
export type TypeConstraint = "numeric" | "signed" | "float" | "equatable" | "ordered" | "hashable" | "printable";

/** How a diagnostic says what a constraint wants. */
export const CONSTRAINT_DESCRIPTIONS: Readonly<Record<TypeConstraint, string>> = {
  numeric: "a number type",
  signed: "a signed number type",
  float: "a float type (f32 or f64)",
  equatable: "a type that can be compared with `==`",
  ordered: "a type that can be compared with `<` (a number or string)",
  hashable: "a type that can be a map key (an integer, bool or string)",
  printable: "a type that `{}` can format (a number, bool or string)",
};
