// The methods of the built-in types, the one table of their signatures: `string`, `Array<T>`, fixed
// arrays `[N]T`, `Map<K, V>`, `Option<T>`, `Result<T, E>`, `rc<T>` and `weak<T>`. Each entry builds
// the method's signature for a receiver's type, so `Array<f64>.pop` is `func() -> Option<f64>`.

import type { Signature, TypeRequirement } from "./generics.js";
import { isOptionType, isResultType, optionType, resultType } from "./prelude.js";
import {
  type ArrayType,
  type EnumType,
  type FixedArrayType,
  type LumaType,
  type MapType,
  type RcType,
  scalarTypes,
  type TypeConstraint,
  type TypeInterner,
  type TypeParameterType,
  typeParameter,
  type WeakType,
} from "./types.js";

const { i64, bool, string, unit } = scalarTypes;

function method(
  parameters: readonly LumaType[],
  result: LumaType,
  options: { typeParameters?: readonly TypeParameterType[]; requires?: readonly [LumaType, TypeConstraint][] } = {},
): Signature {
  const requirements: TypeRequirement[] = (options.requires ?? []).map(([type, constraint]) => ({ type, constraint }));
  return { typeParameters: options.typeParameters ?? [], parameters, result, requirements };
}

type MethodTable<R extends LumaType> = Readonly<Record<string, (types: TypeInterner, receiver: R) => Signature>>;

const STRING_METHODS: MethodTable<LumaType> = {
  len: () => method([], i64),
  chars: (types) => method([], types.array(string)),
  split: (types) => method([string], types.array(string)),
  trim: () => method([], string),
  find: (types) => method([string], optionType(types, i64)),
  replace: () => method([string, string], string),
  to_upper: () => method([], string),
  to_lower: () => method([], string),
  starts_with: () => method([string], bool),
  ends_with: () => method([string], bool),
  contains: () => method([string], bool),
  slice: () => method([i64, i64], string),
  byte_at: () => method([i64], scalarTypes.u8),
  parse_i64: (types) => method([], resultType(types, i64, string)),
  parse_f64: (types) => method([], resultType(types, scalarTypes.f64, string)),
};

/** `map` and `reduce` introduce the type they produce. */
const U = typeParameter("U");

/** What fixed arrays and `Array<T>` share: reading and rearranging elements in place. */
function sequenceMethods(
  element: (receiver: ArrayType | FixedArrayType) => LumaType,
): MethodTable<ArrayType | FixedArrayType> {
  return {
    len: () => method([], i64),
    contains: (_types, receiver) => method([element(receiver)], bool, { requires: [[element(receiver), "equatable"]] }),
    sort: (_types, receiver) => method([], unit, { requires: [[element(receiver), "ordered"]] }),
    sort_by: (types, receiver) => method([types.function([element(receiver), element(receiver)], bool)], unit),
    reverse: () => method([], unit),
    map: (types, receiver) => method([types.function([element(receiver)], U)], types.array(U), { typeParameters: [U] }),
    filter: (types, receiver) => method([types.function([element(receiver)], bool)], types.array(element(receiver))),
    reduce: (types, receiver) => method([U, types.function([U, element(receiver)], U)], U, { typeParameters: [U] }),
  };
}

const FIXED_ARRAY_METHODS: MethodTable<FixedArrayType> = sequenceMethods((receiver) => receiver.element);

const ARRAY_METHODS: MethodTable<ArrayType> = {
  ...sequenceMethods((receiver) => receiver.element),
  push: (_types, receiver) => method([receiver.element], unit),
  pop: (types, receiver) => method([], optionType(types, receiver.element)),
  insert: (_types, receiver) => method([i64, receiver.element], unit),
  remove: (_types, receiver) => method([i64], receiver.element),
};

const MAP_METHODS: MethodTable<MapType> = {
  insert: (_types, receiver) => method([receiver.key, receiver.value], unit),
  get: (types, receiver) => method([receiver.key], optionType(types, receiver.value)),
  contains_key: (_types, receiver) => method([receiver.key], bool),
  remove: (types, receiver) => method([receiver.key], optionType(types, receiver.value)),
  len: () => method([], i64),
  keys: (types, receiver) => method([], types.array(receiver.key)),
  values: (types, receiver) => method([], types.array(receiver.value)),
};

const wrappedValue = (receiver: EnumType) => receiver.typeArguments[0]!;

const OPTION_METHODS: MethodTable<EnumType> = {
  is_some: () => method([], bool),
  is_none: () => method([], bool),
  unwrap: (_types, receiver) => method([], wrappedValue(receiver)),
  unwrap_or: (_types, receiver) => method([wrappedValue(receiver)], wrappedValue(receiver)),
  expect: (_types, receiver) => method([string], wrappedValue(receiver)),
};

const RESULT_METHODS: MethodTable<EnumType> = {
  is_ok: () => method([], bool),
  is_err: () => method([], bool),
  unwrap: (_types, receiver) => method([], wrappedValue(receiver)),
  unwrap_or: (_types, receiver) => method([wrappedValue(receiver)], wrappedValue(receiver)),
  unwrap_err: (_types, receiver) => method([], receiver.typeArguments[1]!),
  expect: (_types, receiver) => method([string], wrappedValue(receiver)),
};

const RC_METHODS: MethodTable<RcType> = {
  clone: (types, receiver) => method([], types.rc(receiver.target)),
};

const WEAK_METHODS: MethodTable<WeakType> = {
  upgrade: (types, receiver) => method([], optionType(types, types.rc(receiver.target))),
  clone: (types, receiver) => method([], types.weak(receiver.target)),
};

/** A pool's blocks are raw bytes (`ptr<u8>`), cast to the pointer type a program keeps in them. */
const MEMPOOL_METHODS: MethodTable<LumaType> = {
  alloc: (types) => method([], types.pointer(scalarTypes.u8)),
  free: (types) => method([types.pointer(scalarTypes.u8)], unit),
  reset: () => method([], unit),
  live: () => method([], i64),
  block_size: () => method([], i64),
};

/** A receiver's type paired with the table of its type's methods, or null for a type without any. */
type Receiver =
  | { readonly table: MethodTable<LumaType>; readonly receiver: LumaType }
  | { readonly table: MethodTable<ArrayType>; readonly receiver: ArrayType }
  | { readonly table: MethodTable<FixedArrayType>; readonly receiver: FixedArrayType }
  | { readonly table: MethodTable<MapType>; readonly receiver: MapType }
  | { readonly table: MethodTable<RcType>; readonly receiver: RcType }
  | { readonly table: MethodTable<WeakType>; readonly receiver: WeakType }
  | { readonly table: MethodTable<EnumType>; readonly receiver: EnumType };

function receiverOf(receiver: LumaType): Receiver | null {
  switch (receiver.kind) {
    case "string":
      return { table: STRING_METHODS, receiver };
    case "array":
      return { table: ARRAY_METHODS, receiver };
    case "fixed-array":
      return { table: FIXED_ARRAY_METHODS, receiver };
    case "map":
      return { table: MAP_METHODS, receiver };
    case "rc":
      return { table: RC_METHODS, receiver };
    case "weak":
      return { table: WEAK_METHODS, receiver };
    case "mempool":
      return { table: MEMPOOL_METHODS, receiver };
    case "enum":
      if (isOptionType(receiver)) return { table: OPTION_METHODS, receiver };
      if (isResultType(receiver)) return { table: RESULT_METHODS, receiver };
      return null;
    default:
      return null;
  }
}

/** The signature of `receiver.name(…)` for a built-in type, or null when it has no such method. */
export function builtinMethod(receiver: LumaType, name: string, types: TypeInterner): Signature | null {
  const found = receiverOf(receiver);
  if (found === null || !Object.hasOwn(found.table, name)) return null;
  // `receiverOf` pairs each table with a receiver of its type; TypeScript does not follow the pairing.
  const { table, receiver: typed } = found as {
    table: MethodTable<typeof found.receiver>;
    receiver: typeof found.receiver;
  };
  return table[name]!(types, typed);
}

/** The names of a type's built-in methods, for "did you mean" help. */
export function builtinMethodNames(receiver: LumaType): string[] {
  const found = receiverOf(receiver);
  return found === null ? [] : Object.keys(found.table);
}
