// How IR types and constants are spelled in LLVM IR text. Sizes and offsets come from the layout
// module (ir/layouts.ts), so an LLVM aggregate and the C runtime's view of it agree.

import { variantLayout } from "../ir/layouts.js";
import { type IrType, isNullableRef } from "../ir/types.js";

export function llvmType(type: IrType): string {
  switch (type.kind) {
    case "int":
      return `i${type.bits}`;
    case "tagged":
      return "i64";
    case "float":
      return type.bits === 32 ? "float" : "double";
    case "unit":
      return "i8";
    case "void":
      return "void";
    case "ptr":
    case "ref":
      return "ptr";
    case "fn":
      return "{ ptr, ptr }";
    case "struct":
      // LLVM lays out a literal struct as C does, as structLayout (ir/layouts.ts) computes.
      return `{ ${type.fields.map(llvmType).join(", ")} }`;
    case "variant":
      return isNullableRef(type) ? "ptr" : `{ i32, [${variantLayout(type.cases).payloadWords} x i64] }`;
  }
}

/** A value of the type that stands in where none is computed (a failing function's return). */
export function zeroValue(type: IrType): string {
  switch (type.kind) {
    case "int":
      return type.bits === 1 ? "false" : "0";
    case "float":
      return "0.0";
    case "ptr":
    case "ref":
      return "null";
    case "unit":
    case "tagged":
      return "0";
    default:
      return isNullableRef(type) ? "null" : "zeroinitializer";
  }
}

/** An LLVM quoted name: `"..."` with `"`, `\` and non-printable bytes escaped. */
export function quoted(name: string): string {
  return `"${escapeBytes(new TextEncoder().encode(name))}"`;
}

export function escapeBytes(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c) out += String.fromCharCode(b);
    else out += `\\${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** A double as LLVM's exact hexadecimal form (also how a float constant is written, exactly representable). */
export function floatLiteral(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return `0x${view.getBigUint64(0).toString(16).toUpperCase().padStart(16, "0")}`;
}

/**
 * The host's target triple and LLVM data layout: programs are compiled for the machine that builds
 * them. The data layout must be given, because LLVM's default aligns i64 to 4 bytes, which would lay
 * out aggregates (variants, structs in fields) otherwise than the layout module and C do.
 */
export function hostTarget(arch: string = process.arch): { triple: string; dataLayout: string } {
  switch (arch) {
    case "x64":
      return {
        triple: "x86_64-pc-linux-gnu",
        dataLayout: "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128",
      };
    case "arm64":
      return { triple: "aarch64-unknown-linux-gnu", dataLayout: "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128" };
    default:
      throw new Error(`no LLVM target is known for the architecture ${arch}`);
  }
}
