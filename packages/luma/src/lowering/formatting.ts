// `print`, `println`, `format` and the message of `panic`: a format string's pieces, each value
// turned into text by LumaScript's runtime library (runtime/luma_runtime.c), then written piece by
// piece (`print`, `println`) or joined into one string (`format`, `panic`).

import { constants, lookupRuntimeFunction, strType, types, type Value } from "@toolchain/compiler";
import type { CallExpression, Expression } from "../ast.js";
import type { FormatString } from "../checker/typed-program.js";
import type { LumaType } from "../checker/types.js";
import { lumaRuntimeFunction } from "../runtime-library.js";
import { lowerExpression } from "./expressions.js";
import type { FunctionLowering } from "./function-context.js";
import { notSupported } from "./unsupported.js";

/** The pieces of a formatting call's text, as string values in order. */
export function formatPieces(f: FunctionLowering, call: CallExpression, format: FormatString | null): Value[] {
  const [first, ...rest] = call.arguments;
  if (first === undefined) return [];
  if (format === null) return [lowerExpression(f, first)];
  // Arguments are evaluated once each, in order, before any text is made.
  const values = rest.map((arg) => lowerExpression(f, arg));
  const pieces: Value[] = [];
  for (const piece of format.pieces) {
    if (piece.kind === "text") {
      if (piece.text !== "") pieces.push(constants.str(piece.text));
      continue;
    }
    const arg = rest[piece.argument]!;
    const value = values[piece.argument]!;
    let text = toText(f, arg, f.body.typeOf(arg), value, piece.precision);
    if (piece.width !== null) {
      const right = piece.align === ">" || (piece.align === null && isNumeric(f.body.typeOf(arg)));
      text = f.builder.callExtern(
        lumaRuntimeFunction("luma_str_pad"),
        [text, constants.int(BigInt(piece.width)), constants.bool(right)],
        null,
      );
    }
    pieces.push(text);
  }
  return pieces;
}

function isNumeric(type: LumaType): boolean {
  return type.kind === "integer" || type.kind === "float";
}

/** A scalar value as its text (`{}`), or with `precision` decimals (`{:.3}`, floats only). */
export function toText(
  f: FunctionLowering,
  at: Expression,
  type: LumaType,
  value: Value,
  precision: number | null,
): Value {
  const b = f.builder;
  const call = (name: string, args: Value[]) => b.callExtern(lumaRuntimeFunction(name), args, null);
  switch (type.kind) {
    case "string":
      return value;
    case "bool":
      return call("luma_bool_to_str", [value]);
    case "integer": {
      const wide = type.bits === 64 ? value : b.convert(type.signed ? "sext" : "zext", value, types.i64);
      return call(type.signed || type.bits < 64 ? "luma_i64_to_str" : "luma_u64_to_str", [wide]);
    }
    case "float": {
      const wide = type.bits === 64 ? value : b.convert("fpext", value, types.f64);
      if (precision !== null) return call("luma_float_to_str_fixed", [wide, constants.int(BigInt(precision))]);
      return call(type.bits === 64 ? "luma_f64_to_str" : "luma_f32_to_str", [wide]);
    }
    default:
      return notSupported(`formatting a value of type \`${type.text}\``, at);
  }
}

/** The pieces joined into one string. */
export function joinPieces(f: FunctionLowering, pieces: readonly Value[]): Value {
  const concat = lookupRuntimeFunction("rt_str_concat")!;
  let result: Value | null = null;
  for (const piece of pieces) result = result === null ? piece : f.builder.callExtern(concat, [result, piece], null);
  return result ?? constants.str("");
}

/** Writes the pieces to stdout, then a newline when `newline`. */
export function writePieces(f: FunctionLowering, pieces: readonly Value[], newline: boolean): void {
  const write = lookupRuntimeFunction("rt_write_str")!;
  for (const piece of pieces) {
    if (piece.type !== strType) throw new Error("internal: a piece that is not a string");
    f.builder.callExtern(write, [piece], null);
  }
  if (newline) f.builder.callExtern(lookupRuntimeFunction("rt_write_newline")!, [], null);
}
