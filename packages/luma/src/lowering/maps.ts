// `Map<K, V>`: the back end's map object (`mapLayout`), its keys hashed and compared by LumaScript's
// runtime (runtime/luma_map.c), which hands out the positions of entries and the addresses of their
// keys and values; the values are read and written here, in place. `insert` replaces a value (the
// old one released); `get` and `m[k]` read one (`m[k]` of a missing key panics, as Rust's does);
// `remove` takes it out (read, its slot zeroed, the entry deleted). Iteration walks the live
// positions in insertion order.

import {
  type Block,
  constants,
  type IrType,
  MAP_LENGTH,
  sizeOf,
  specializeExternal,
  types,
  type Value,
} from "@toolchain/compiler";
import type { CallExpression, Expression, ForStatement, IndexExpression } from "../ast.js";
import type { EnumType, LumaType, MapType } from "../checker/types.js";
import { lumaRuntimeFunction } from "../runtime-library.js";
import { NONE, variantWhen } from "./aggregates.js";
import { newArray, pushElement } from "./arrays.js";
import { panicWith } from "./calls.js";
import { lowerExpression } from "./expressions.js";
import { type FunctionLowering, zeroOf } from "./function-context.js";
import type { Place } from "./places.js";
import { notSupported } from "./unsupported.js";

/** What runs for each entry: its key and value, the block that goes on to the next, the loop's exit. */
type EntryBody = (key: Value, value: Value, next: Block, exit: Block) => void;

/** `Map::new()`: an empty map object, its table made for the value type. */
export function newMap(f: FunctionLowering, type: LumaType, at: Expression): Value {
  const ref = f.irType(type, at);
  if (ref.kind !== "ref" || ref.layout.entries === undefined) throw new Error(`internal: ${type.text} is not a map`);
  const fields = ref.layout.fields!.map((field) =>
    field.type === types.ptr ? constants.none(types.ptr) : constants.int(0n, field.type),
  );
  const map = f.builder.alloc(ref.layout, fields, f.loc(at.start));
  runtime(f, "luma_map_init", map, [constants.int(BigInt(sizeOf(ref.layout.entries.value)))]);
  return map;
}

export function lowerMapMethod(
  f: FunctionLowering,
  call: CallExpression,
  name: string,
  map: Value,
  type: MapType,
): Value {
  const b = f.builder;
  const arg = (i: number) => lowerExpression(f, call.arguments[i]!);
  switch (name) {
    case "len":
      return b.getField(map, MAP_LENGTH);
    case "insert": {
      const key = keyValue(f, type, arg(0));
      storeValue(f, map, type, key, arg(1));
      return constants.unit();
    }
    case "contains_key":
      return b.icmp("ge", find(f, map, type, keyValue(f, type, arg(0))), constants.int(0n));
    case "get":
    case "remove": {
      const position = find(f, map, type, keyValue(f, type, arg(0)));
      const take = () => {
        const slot = valueAt(f, map, position);
        const value = b.elemGet(valueIrType(map), slot, constants.int(0n));
        if (name === "remove") {
          b.elemSet(slot, constants.int(0n), zeroOf(valueIrType(map)));
          const remove = type.key.kind === "string" ? "luma_map_delete_at_str" : "luma_map_delete_at_int";
          runtime(f, remove, map, [position]);
        }
        return [value];
      };
      const missing = b.icmp("lt", position, constants.int(0n));
      return variantWhen(f, f.body.typeOf(call) as EnumType, missing, NONE, { index: 0, parts: take }, call);
    }
    case "keys":
    case "values": {
      const result = newArray(f, f.body.typeOf(call), call);
      eachEntry(f, map, type, (key, value) => pushElement(f, result, name === "keys" ? key : value));
      return result;
    }
    default:
      return notSupported(`the method \`${name}\` of \`${type.text}\``, call.callee);
  }
}

/** `m[k]`: the value, or a panic for a missing key. */
export function lowerMapIndex(f: FunctionLowering, e: IndexExpression): Value {
  return mapElement(f, e).read();
}

/** `m[k]` as a place: the map and key evaluated once; a missing key panics on reading, and a store inserts. */
export function mapElement(f: FunctionLowering, e: IndexExpression): Place {
  const map = lowerExpression(f, e.object);
  const type = f.body.typeOf(e.object) as MapType;
  const key = keyValue(f, type, lowerExpression(f, e.index));
  const read = () => {
    const position = find(f, map, type, key);
    const missing = f.newBlock("index.missing");
    const found = f.newBlock("index.found");
    f.condbr(f.builder.icmp("lt", position, constants.int(0n)), missing, found);
    f.enter(missing);
    panicWith(f, e.start, constants.str("key not found in the map"));
    f.enter(found);
    return f.builder.elemGet(valueIrType(map), valueAt(f, map, position), constants.int(0n));
  };
  return { read, write: (value) => storeValue(f, map, type, key, value) };
}

/** `for (k, v) in m`: the entries in insertion order. */
export function lowerMapLoop(f: FunctionLowering, s: ForStatement, body: EntryBody): void {
  const map = lowerExpression(f, s.iterable);
  eachEntry(f, map, f.body.typeOf(s.iterable) as MapType, body);
}

/** Runs `body` with each live entry's key and value, in insertion order. */
function eachEntry(f: FunctionLowering, map: Value, type: MapType, body: EntryBody): void {
  const b = f.builder;
  const cursor = { hidden: "map.position", type: types.i64 };
  f.writeVariable(cursor, constants.int(0n));
  let position = constants.int(0n) as Value;
  f.loop(
    "map",
    () => {
      position = runtime(f, "luma_map_next", map, [f.readVariable(cursor)]);
      return b.icmp("ge", position, constants.int(0n));
    },
    (next, exit) => {
      const keyAt = runtime(f, "luma_map_key_at", map, [position]);
      const key = b.elemGet(f.irType(type.key, { start: 0, end: 0 }), keyAt, constants.int(0n));
      const value = b.elemGet(valueIrType(map), valueAt(f, map, position), constants.int(0n));
      f.writeVariable(cursor, b.ibinary("add", position, constants.int(1n), null));
      body(key, value, next, exit);
    },
  );
}

/** Replaces (or adds) the value of `key`: the old one released, a new entry's slot filled fresh. */
function storeValue(f: FunctionLowering, map: Value, type: MapType, key: Value, value: Value): void {
  const b = f.builder;
  const position = find(f, map, type, key);
  const present = f.newBlock("insert.present");
  const absent = f.newBlock("insert.absent");
  const join = f.newBlock("insert.end");
  f.condbr(b.icmp("ge", position, constants.int(0n)), present, absent);
  f.enter(present);
  b.elemSet(valueAt(f, map, position), constants.int(0n), value);
  f.br(join);
  f.enter(absent);
  const added = runtime(f, type.key.kind === "string" ? "luma_map_add_str" : "luma_map_add_int", map, [key]);
  b.elemSet(valueAt(f, map, added), constants.int(0n), value, true);
  f.br(join);
  f.enter(join);
}

function find(f: FunctionLowering, map: Value, type: MapType, key: Value): Value {
  return runtime(f, type.key.kind === "string" ? "luma_map_find_str" : "luma_map_find_int", map, [key]);
}

function valueAt(f: FunctionLowering, map: Value, position: Value): Value {
  return runtime(f, "luma_map_value_at", map, [position]);
}

/** A key as the runtime takes it: a string as is, an integer or bool widened to 64 bits. */
function keyValue(f: FunctionLowering, type: MapType, key: Value): Value {
  const k = type.key;
  if (k.kind === "string" || key.type === types.i64) return key;
  const signed = k.kind === "integer" && k.signed;
  return f.builder.convert(signed ? "sext" : "zext", key, types.i64);
}

function valueIrType(map: Value): IrType {
  const type = map.type;
  if (type.kind !== "ref" || type.layout.entries === undefined) throw new Error(`internal: ${type.text} is not a map`);
  return type.layout.entries.value;
}

function runtime(f: FunctionLowering, name: string, map: Value, args: Value[]): Value {
  return f.builder.callExtern(specializeExternal(lumaRuntimeFunction(name), [map.type]), [map, ...args], null);
}
