// Pointers, for the low-level library and calls of C: a `ptr<T>` is the IR's `ptr`, the address of
// values of T laid out in memory as the back end lays T out (`sizeOf`), read and written with
// `elem_get`/`elem_set` (`@p` is element 0, `p[i]` element i, unchecked as in C). `alloc(T, n)` and
// `free(p)` are LumaScript's runtime (luma_memory.c); a variable whose address `&x` takes lives in a
// stack slot of its function instead of a register. Raw memory counts no references, so a pointer
// to a value that holds any (`ptr<string>`) is refused: the managed types have their own containers.

import {
  constants,
  type External,
  holdsReferences,
  type IrType,
  runtimeFunction,
  sizeOf,
  types,
  type Value,
} from "@toolchain/compiler";
import type {
  AddressOfExpression,
  AllocExpression,
  CallExpression,
  DereferenceExpression,
  Expression,
  IndexExpression,
  SizeofExpression,
} from "../ast.js";
import type { ExternSymbol } from "../checker/symbols.js";
import type { LumaType } from "../checker/types.js";
import { lumaRuntimeFunction } from "../runtime-library.js";
import { lowerExpression } from "./expressions.js";
import type { FunctionLowering } from "./function-context.js";
import type { Place } from "./places.js";
import { notSupported } from "./unsupported.js";

type At = { readonly start: number; readonly end: number };

/** The IR type of what a `ptr<T>` points at; refused when T holds references. */
export function pointeeType(f: FunctionLowering, target: LumaType, at: At): IrType {
  const type = f.irType(target, at);
  if (holdsReferences(type)) notSupported(`pointers to \`${target.text}\`, which holds references`, at);
  return type;
}

function pointerTarget(f: FunctionLowering, pointer: Expression): LumaType {
  const type = f.body.typeOf(pointer);
  if (type.kind !== "pointer") throw new Error(`internal: ${type.text} is not a pointer`);
  return type.target;
}

/** `@p` (index null) or `p[i]`: the element's address and type. */
function element(f: FunctionLowering, pointer: Expression, index: Expression | null, at: At) {
  const type = pointeeType(f, pointerTarget(f, pointer), at);
  const base = lowerExpression(f, pointer);
  return { type, base, index: index === null ? constants.int(0n) : lowerExpression(f, index) };
}

/** `@p`, `p[i]`. */
export function lowerPointerRead(f: FunctionLowering, e: DereferenceExpression | IndexExpression): Value {
  return pointerElement(f, e).read();
}

/** `@p` or `p[i]` as a place: the pointer and index evaluated once. */
export function pointerElement(f: FunctionLowering, e: DereferenceExpression | IndexExpression): Place {
  const { type, base, index } =
    e.kind === "Dereference" ? element(f, e.operand, null, e) : element(f, e.object, e.index, e);
  return { read: () => f.builder.elemGet(type, base, index), write: (value) => f.builder.elemSet(base, index, value) };
}

/** `&x` of a variable, `&p[i]` (p advanced by i elements), `&@p` (p itself). */
export function lowerAddressOf(f: FunctionLowering, e: AddressOfExpression): Value {
  const operand = e.operand;
  if (operand.kind === "Name") {
    const reference = f.body.references.get(operand);
    const slot = reference?.kind === "local" ? f.localAddress(reference.local) : null;
    if (slot === null) return notSupported("the address of a variable holding references", e);
    return slot;
  }
  if (operand.kind === "Dereference") return lowerExpression(f, operand.operand);
  if (operand.kind === "Index" && f.body.indexes.get(operand) === "pointer") {
    const { type, base, index } = element(f, operand.object, operand.index, operand);
    const b = f.builder;
    const offset = b.ibinary("mul", index, constants.int(BigInt(sizeOf(type))), null);
    return b.convert("inttoptr", b.ibinary("add", b.convert("ptrtoint", base, types.i64), offset, null), types.ptr);
  }
  return notSupported("the address of this place", e);
}

/** `alloc(T, n)`: n zeroed values of T. */
export function lowerAlloc(f: FunctionLowering, e: AllocExpression): Value {
  const type = pointeeType(f, namedType(f, e), e);
  const count = lowerExpression(f, e.count);
  f.panicIf(f.builder.icmp("lt", count, constants.int(0n)), e.start, "alloc of a negative count");
  const bytes = f.builder.ibinary(
    "mul",
    count,
    constants.int(BigInt(sizeOf(type))),
    f.panicInfo(e.start, "allocation size overflows"),
  );
  return f.builder.callExtern(lumaRuntimeFunction("luma_alloc"), [bytes], null);
}

/** `sizeof(T)`: the bytes a T takes in memory (an array element, a field, a `ptr<T>` step). */
export function lowerSizeof(f: FunctionLowering, e: SizeofExpression): Value {
  return constants.int(BigInt(sizeOf(f.irType(namedType(f, e), e))));
}

/** `free(p)`. */
export function lowerFree(f: FunctionLowering, call: CallExpression): Value {
  f.builder.callExtern(lumaRuntimeFunction("luma_free"), [lowerExpression(f, call.arguments[0]!)], null);
  return constants.unit();
}

/** A call of an `extern func`: the C function of that name, linked from the C library. */
export function lowerExternCall(f: FunctionLowering, call: CallExpression, symbol: ExternSymbol): Value {
  const args = call.arguments.map((arg) => lowerExpression(f, arg));
  return f.builder.callExtern(externalOf(f, symbol, call), args, null);
}

const externals = new WeakMap<ExternSymbol, External>();

function externalOf(f: FunctionLowering, symbol: ExternSymbol, at: At): External {
  const known = externals.get(symbol);
  if (known !== undefined) return known;
  const params = symbol.parameters.map((p) => f.irType(p.type, at));
  const result = symbol.result.kind === "unit" ? types.void : f.irType(symbol.result, at);
  const external = runtimeFunction(symbol.name, [params, result], false, "any", `extern func ${symbol.name}`);
  externals.set(symbol, external);
  return external;
}

function namedType(f: FunctionLowering, e: SizeofExpression | AllocExpression): LumaType {
  const type = f.body.namedTypes.get(e);
  if (type === undefined) throw new Error(`internal: no type recorded for the ${e.kind} at ${e.start}`);
  return type;
}

/** `mempool::new(block_size)`: refused at run time for a size below 1. */
export function newMempool(f: FunctionLowering, call: CallExpression): Value {
  const size = lowerExpression(f, call.arguments[0]!);
  f.panicIf(f.builder.icmp("le", size, constants.int(0n)), call.start, "mempool block size must be positive");
  return f.builder.callExtern(lumaRuntimeFunction("luma_mempool_new"), [size], null);
}

/** `pool.alloc()`, `pool.free(p)`, `pool.reset()`, `pool.live()`, `pool.block_size()`. */
export function lowerMempoolMethod(f: FunctionLowering, call: CallExpression, name: string, pool: Value): Value {
  const args = [pool, ...call.arguments.map((arg) => lowerExpression(f, arg))];
  const result = f.builder.callExtern(lumaRuntimeFunction(`luma_mempool_${name}`), args, null);
  return result.type === types.void ? constants.unit() : result;
}
