// Where every byte of a managed object and of a by-value type goes: the one owner of sizes,
// alignments, field offsets, which fields hold references, and the object header. The emitter reads
// its LLVM types and descriptors from here, and the C runtime declares the same header in
// runtime/object.h (test/layouts.test.ts compiles C against this module's numbers).
//
// Target: x86-64 and AArch64 Linux (LP64): pointers are 8 bytes, alignment as the C ABI's.

import { type IrType, refType, types, variantType } from "./types.js";

/** A field of a managed object's layout. */
export interface LayoutField {
  readonly name: string;
  readonly type: IrType;
  /**
   * The values an i64 field can hold, where that is narrower than its type (a count of elements in
   * memory): range analysis (passes/range-analysis.ts) reads it.
   */
  readonly range?: { readonly lo: bigint; readonly hi: bigint };
}

/**
 * The most elements an object can hold in memory: user address space on x86-64 and AArch64 Linux is
 * below 2**48 bytes, and an element takes at least one. A length field declares it as its range.
 */
export const MAX_ELEMENTS_IN_MEMORY = 1n << 48n;

/**
 * What a managed object holds after its header. A layout declared by a module lists its fields, and
 * the emitter generates its drop and traverse functions; an opaque layout is the runtime's own
 * (strings, exceptions): its objects are made and freed by runtime functions, and `runtimeSymbol`
 * names its C descriptor (an `rt_layout`).
 */
export interface Layout {
  readonly name: string;
  /** Null for an opaque layout. Settable once, so that a layout can refer to itself (`Node.next`). */
  fields: readonly LayoutField[] | null;
  readonly runtimeSymbol: string | null;
  /**
   * For an array object (`arrayLayout`): the type of its elements, which its buffer holds by value
   * and its drop function releases; absent for other layouts. Settable once, before the module is
   * emitted, so that an element may hold such arrays itself (a tree node's `Array<Node>` children).
   */
  elements?: IrType;
  /**
   * For a map object (`mapLayout`): the types of its keys and values, which its hash table holds and
   * its drop function releases; absent for other layouts. Settable once, before the module is
   * emitted, as `elements` is (a tree node's `Map<string, Node>` children).
   */
  entries?: { readonly key: IrType; readonly value: IrType };
  /**
   * False for objects the cycle collector never tracks, of a language that breaks cycles itself
   * (LumaScript's `weak<T>`): no link prefix, no tracking on allocation, no traverse function.
   * Measured on LumaScript's binary-trees (depth 17): 1.03-1.49 s and 34.6 MiB tracked, 0.47-0.54 s
   * and 26.1 MiB untracked (C: 0.44 s, 17.6 MiB).
   */
  readonly tracked?: boolean;
  /**
   * True for objects weak references may observe (LumaScript's `rc<T>`): their first field is
   * WEAK_CELL_FIELD, and their drop function detaches the cell first (runtime/weak.c), so that a
   * weak reference no longer reaches an object being dropped.
   */
  readonly observedByWeak?: boolean;
}

/** How a language's objects of a layout take part in cycle collection and weak references. */
export interface LayoutOptions {
  readonly tracked?: boolean;
  readonly observedByWeak?: boolean;
}

/** A layout a module declares; its fields may be given later (for recursive layouts). */
export function declareLayout(name: string, fields: readonly LayoutField[] = [], options: LayoutOptions = {}): Layout {
  return { name, fields: [...fields], runtimeSymbol: null, ...options };
}

/**
 * A growable array object of elements of `element`, held by value: the header, then the runtime's
 * `rt_array` (runtime/array.h) as its fields, in that structure's order. The runtime grows and
 * shrinks it (`rt_array_object_append`, `rt_array_object_truncate`); emitted code reads `data` and
 * `length` and reads and writes the elements in place (`elem_get`, `elem_set`). Its drop function,
 * generated for the element type, releases the elements and frees the buffer. A language's
 * growable array (LumaScript's `Array<T>`) is one such layout per element type.
 */
export function arrayLayout(name: string, element: IrType, options: LayoutOptions = {}): Layout {
  const count = { lo: 0n, hi: MAX_ELEMENTS_IN_MEMORY };
  return {
    name,
    fields: [
      { name: "data", type: types.ptr },
      { name: "length", type: types.i64, range: count },
      { name: "capacity", type: types.i64, range: count },
      { name: "element_size", type: types.i64 },
    ],
    runtimeSymbol: null,
    elements: element,
    ...options,
  };
}

/**
 * A map object: the header, then the runtime's `rt_hash_table` (runtime/hash_table.h) as its
 * fields, in that structure's order, of keys and values of the given types (a language's library
 * sets the sizes, `rt_hash_table_init`, right after the allocation, and hashes and compares the
 * keys). Emitted code reads only `length`; the library finds, adds and deletes entries and hands out
 * the addresses of keys and values, which emitted code reads and writes (`elem_get`, `elem_set`). Its
 * drop function, generated for the key and value types, releases every live entry's key and value
 * (through `rt_hash_table_clear_with`) and frees the table. LumaScript's `Map<K, V>` is one such
 * layout per key and value type.
 */
export function mapLayout(name: string, key: IrType, value: IrType, options: LayoutOptions = {}): Layout {
  const count = { lo: 0n, hi: MAX_ELEMENTS_IN_MEMORY };
  return {
    name,
    fields: [
      { name: "indices", type: types.ptr },
      { name: "entries", type: types.ptr },
      { name: "length", type: types.i64, range: count },
      { name: "used", type: types.i64, range: count },
      { name: "filled", type: types.i64 },
      { name: "usable", type: types.i64 },
      { name: "mask", type: types.i64 },
      { name: "key_size", type: types.i32 },
      { name: "value_size", type: types.i32 },
      { name: "entry_size", type: types.i32 },
      { name: "index_width", type: types.i32 },
    ],
    runtimeSymbol: null,
    entries: { key, value },
    ...options,
  };
}

/** The field of a map object that emitted code reads: its number of live entries. */
export const MAP_LENGTH = 2;
/** Where the `rt_hash_table` starts (its first field), for the runtime calls of the drop function. */
export const MAP_TABLE = 0;

/** The fields of an array object that emitted code reads (and its drop empties). */
export const ARRAY_DATA = 0;
export const ARRAY_LENGTH = 1;
export const ARRAY_CAPACITY = 2;
/** The field the allocation sets to the element's size (`sizeOf`), making the array usable. */
export const ARRAY_ELEMENT_SIZE = 3;

/** The runtime's own layouts, the same objects for every module. */
export const runtimeLayouts = {
  /** Immutable UTF-8 text with its length in code points (runtime/str.c). */
  str: { name: "str", fields: null, runtimeSymbol: "rt_str_layout" } as Layout,
  /** An exception in flight or caught: its kind, its message and its traceback (runtime/exception.c). */
  exception: { name: "exception", fields: null, runtimeSymbol: "rt_exception_layout" } as Layout,
  /** An open file, closed when dropped (runtime/file.c). */
  file: { name: "file", fields: null, runtimeSymbol: "rt_file_layout" } as Layout,
  /** What a weak reference refers to: a cell pointing at its target while it lives (runtime/weak.c). */
  weakCell: { name: "weak", fields: null, runtimeSymbol: "rt_weak_cell_layout" } as Layout,
};

/**
 * The first field of an object weak references may observe (Layout.observedByWeak): its weak cell,
 * null until the first weak reference to it is made. The runtime finds it right after the header.
 */
export const WEAK_CELL_FIELD: LayoutField = {
  name: "weak_cell",
  type: variantType([types.unit, refType(runtimeLayouts.weakCell)]),
};

/**
 * The header every managed object starts with (`rt_object` in runtime/object.h): the reference
 * count (negative for an immortal object, which is never counted or freed) and its layout's
 * descriptor.
 */
export const objectHeader = {
  size: 16,
  fields: [
    { name: "refcount", offset: 0, size: 8 },
    { name: "layout", offset: 8, size: 8 },
  ],
} as const;

/**
 * A string object (`rt_str` in runtime/runtime.h): the header, the size of its UTF-8 text in bytes,
 * its length in code points, then the text and a NUL. The emitter writes string constants so.
 */
export const stringObject = {
  fields: [
    { name: "size", offset: 16, size: 8 },
    { name: "length", offset: 24, size: 8 },
    { name: "hash", offset: 32, size: 8 },
    { name: "data", offset: 40, size: 0 },
  ],
} as const;

/**
 * The descriptor the emitter writes for each declared layout (`rt_layout` in runtime/object.h), in
 * field order: name (C string), type id, flags, size in bytes, drop function, traverse function.
 */
export const layoutDescriptor = {
  size: 40,
  fields: [
    { name: "name", offset: 0, size: 8 },
    { name: "type_id", offset: 8, size: 4 },
    { name: "flags", offset: 12, size: 4 },
    { name: "size", offset: 16, size: 8 },
    { name: "drop", offset: 24, size: 8 },
    { name: "traverse", offset: 32, size: 8 },
  ],
  /** `flags`: the layout's objects may hold references, so the cycle collector tracks them. */
  holdsReferencesFlag: 1,
  /** Type ids below this are the runtime's own layouts'; a module's are numbered from here in order. */
  firstModuleTypeId: 32,
} as const;

/** The size in bytes of a value of the type held in memory (a field, a struct member). */
export function sizeOf(type: IrType): number {
  switch (type.kind) {
    case "int":
      return type.bits === 1 ? 1 : type.bits / 8;
    case "float":
      return type.bits / 8;
    case "unit":
      return 1;
    case "void":
      throw new Error("void has no size");
    case "ptr":
    case "tagged":
    case "ref":
      return 8;
    case "fn":
      return 16;
    case "struct":
      return structLayout(type.fields).size;
    case "variant":
      return variantLayout(type.cases).size;
  }
}

export function alignOf(type: IrType): number {
  switch (type.kind) {
    case "struct":
      return structLayout(type.fields).align;
    case "variant":
      return variantLayout(type.cases).align;
    case "fn":
      return 8;
    default:
      return sizeOf(type);
  }
}

/** C's struct layout: each member at the next multiple of its alignment, the whole padded to the largest. */
export function structLayout(fields: readonly IrType[]): { offsets: number[]; size: number; align: number } {
  let offset = 0;
  let align = 1;
  const offsets = fields.map((f) => {
    const a = alignOf(f);
    align = Math.max(align, a);
    offset = roundUp(offset, a);
    const at = offset;
    offset += sizeOf(f);
    return at;
  });
  return { offsets, size: roundUp(offset, align), align };
}

/**
 * A variant in memory: a 32-bit tag, then the largest case's payload at offset 8 (the payload is
 * held as 64-bit words, which suits every case's alignment). The nullable reference (`unit | ref L`)
 * is just the pointer.
 */
export function variantLayout(cases: readonly IrType[]): {
  payloadOffset: number;
  payloadWords: number;
  size: number;
  align: number;
} {
  if (cases.length === 2 && cases[0]!.kind === "unit" && cases[1]!.kind === "ref") {
    return { payloadOffset: 0, payloadWords: 1, size: 8, align: 8 };
  }
  const payloadWords = Math.ceil(Math.max(0, ...cases.map((c) => (c.kind === "unit" ? 0 : sizeOf(c)))) / 8);
  return { payloadOffset: 8, payloadWords, size: 8 + 8 * payloadWords, align: 8 };
}

/** A declared layout's fields at their offsets from the start of the object (header included). */
export function fieldOffsets(layout: Layout): number[] {
  const fields = declaredFields(layout);
  const body = structLayout(fields.map((f) => f.type));
  const start = roundUp(objectHeader.size, body.align);
  return body.offsets.map((o) => start + o);
}

/** The size of an object of a declared layout, header included. */
export function objectSize(layout: Layout): number {
  const fields = declaredFields(layout);
  const body = structLayout(fields.map((f) => f.type));
  return roundUp(objectHeader.size, body.align) + body.size;
}

/** The declared fields; an opaque layout has none a program may read. */
export function declaredFields(layout: Layout): readonly LayoutField[] {
  if (layout.fields === null) throw new Error(`layout ${layout.name} is the runtime's own: it has no declared fields`);
  return layout.fields;
}

function roundUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}
