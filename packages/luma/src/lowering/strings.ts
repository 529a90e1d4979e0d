// The methods of `string` (runtime/luma_string.c does the work on the bytes): lengths and offsets
// in bytes; `byte_at(i)` and `s[i]` panic unless 0 <= i < len; `slice(a, b)` panics, as Rust's does, unless 0 <= a <= b <= len on character
// boundaries; `split` and `chars` make an `Array<string>` here, piece by piece, so the runtime needs
// no knowledge of arrays; `parse_i64` and `parse_f64` give a `Result` with Rust's error texts.

import { constants, types, type Value } from "@toolchain/compiler";
import type { CallExpression, Expression } from "../ast.js";
import { type EnumType, scalarTypes } from "../checker/types.js";
import { lumaRuntimeFunction } from "../runtime-library.js";
import { makeVariant, variantWhen } from "./aggregates.js";
import { inBounds, newArray, pushElement } from "./arrays.js";
import { panicUnless } from "./calls.js";
import { lowerExpression } from "./expressions.js";
import { toText } from "./formatting.js";
import type { FunctionLowering } from "./function-context.js";
import { notSupported } from "./unsupported.js";

const DIRECT: Readonly<Record<string, string>> = {
  len: "luma_str_len",
  trim: "luma_str_trim",
  to_upper: "luma_str_to_upper",
  to_lower: "luma_str_to_lower",
  replace: "luma_str_replace",
  starts_with: "luma_str_starts_with",
  ends_with: "luma_str_ends_with",
};

export function lowerStringMethod(f: FunctionLowering, call: CallExpression, name: string, s: Value): Value {
  const b = f.builder;
  const rt = (fn: string, args: Value[]) => b.callExtern(lumaRuntimeFunction(fn), args, null);
  const args = () => call.arguments.map((arg) => lowerExpression(f, arg));
  const direct = DIRECT[name];
  if (direct !== undefined) return rt(direct, [s, ...args()]);
  switch (name) {
    case "contains":
      return b.icmp("ge", rt("luma_str_find", [s, ...args(), constants.int(0n)]), constants.int(0n));
    case "find": {
      const at = rt("luma_str_find", [s, ...args(), constants.int(0n)]);
      return optionOf(f, call, b.icmp("ge", at, constants.int(0n)), at);
    }
    case "byte_at":
      return stringByte(f, s, args()[0]!, call);
    case "slice": {
      const [begin, end] = args() as [Value, Value];
      checkSlice(f, call, s, begin, end);
      return rt("luma_str_range", [s, begin, end]);
    }
    case "split":
      return split(f, call, s, args()[0]!);
    case "chars":
      return chars(f, call, s);
    case "parse_i64":
    case "parse_f64": {
      const kind = name === "parse_i64" ? "i64" : "f64";
      const error = rt(`luma_parse_${kind}_error`, [s]);
      const tag = b.variantTag(error);
      const parses = b.icmp("eq", tag, constants.int(0n, tag.type));
      const ok = { index: 0, parts: () => [rt(`luma_parse_${kind}`, [s])] };
      const err = { index: 1, parts: () => [b.variantPayload(error, 1)] };
      return variantWhen(f, f.body.typeOf(call) as EnumType, parses, ok, err, call);
    }
    default:
      return notSupported(`the method \`${name}\` of \`string\``, call.callee);
  }
}

/** `Some(value)` when `present`, else `None`, of the call's Option type. */
function optionOf(f: FunctionLowering, call: CallExpression, present: Value, value: Value): Value {
  const b = f.builder;
  const option = f.body.typeOf(call) as EnumType;
  return b.select(present, makeVariant(f, option, 0, [value], call), makeVariant(f, option, 1, [], call));
}

/** `s.byte_at(i)` and `s[i]`: the byte at `index`, a `u8`; panics unless 0 <= index < len. */
export function stringByte(f: FunctionLowering, s: Value, index: Value, at: Expression): Value {
  const b = f.builder;
  const length = b.callExtern(lumaRuntimeFunction("luma_str_len"), [s], null);
  const i64 = scalarTypes.i64;
  panicUnless(f, inBounds(f, index, length), at.start, () => [
    constants.str("byte index "),
    toText(f, at, i64, index, null),
    constants.str(" is out of bounds of a string of length "),
    toText(f, at, i64, length, null),
  ]);
  return b.convert("trunc", b.callExtern(lumaRuntimeFunction("luma_str_byte"), [s, index], null), types.i8);
}

/** Rust's panics for a slice outside the string or inside a character. */
function checkSlice(f: FunctionLowering, call: Expression, s: Value, begin: Value, end: Value): void {
  const b = f.builder;
  const rt = (fn: string, args: Value[]) => b.callExtern(lumaRuntimeFunction(fn), args, null);
  const length = rt("luma_str_len", [s]);
  const zero = constants.int(0n);
  const inside = b.select(
    b.icmp("ge", begin, zero),
    b.select(b.icmp("le", begin, end), b.icmp("le", end, length), constants.bool(false)),
    constants.bool(false),
  );
  const i64 = scalarTypes.i64;
  panicUnless(f, inside, call.start, () => [
    constants.str("byte range "),
    toText(f, call, i64, begin, null),
    constants.str(".."),
    toText(f, call, i64, end, null),
    constants.str(" is out of bounds of a string of length "),
    toText(f, call, i64, length, null),
  ]);
  const onBoundaries = b.select(
    rt("luma_str_is_boundary", [s, begin]),
    rt("luma_str_is_boundary", [s, end]),
    constants.bool(false),
  );
  panicUnless(f, onBoundaries, call.start, () => [constants.str("byte index is not a char boundary")]);
}

/** `s.split(sep)`: the pieces between the separators (an empty separator splits between characters). */
function split(f: FunctionLowering, call: CallExpression, s: Value, separator: Value): Value {
  const b = f.builder;
  const rt = (fn: string, args: Value[]) => b.callExtern(lumaRuntimeFunction(fn), args, null);
  const pieces = newArray(f, f.body.typeOf(call), call);
  const empty = b.icmp("eq", rt("luma_str_len", [separator]), constants.int(0n));
  const byCharacter = f.newBlock("split.chars");
  const bySeparator = f.newBlock("split.sep");
  const done = f.newBlock("split.end");
  f.condbr(empty, byCharacter, bySeparator);
  f.enter(byCharacter);
  eachCharacter(f, s, (piece) => pushElement(f, pieces, piece));
  f.br(done);
  f.enter(bySeparator);
  const start = { hidden: "split.start", type: constants.int(0n).type };
  f.writeVariable(start, constants.int(0n));
  let from = constants.int(0n) as Value;
  let at = from;
  f.loop(
    "split",
    () => {
      from = f.readVariable(start);
      at = rt("luma_str_find", [s, separator, from]);
      return b.icmp("ge", at, constants.int(0n));
    },
    () => {
      pushElement(f, pieces, rt("luma_str_range", [s, from, at]));
      f.writeVariable(start, b.ibinary("add", at, rt("luma_str_len", [separator]), null));
    },
  );
  pushElement(f, pieces, rt("luma_str_range", [s, f.readVariable(start), rt("luma_str_len", [s])]));
  f.br(done);
  f.enter(done);
  return pieces;
}

/** `s.chars()`: each character as a string of its own. */
function chars(f: FunctionLowering, call: CallExpression, s: Value): Value {
  const pieces = newArray(f, f.body.typeOf(call), call);
  eachCharacter(f, s, (piece) => pushElement(f, pieces, piece));
  return pieces;
}

/** Runs `body` with each character of `s` as a string, in order. */
function eachCharacter(f: FunctionLowering, s: Value, body: (piece: Value) => void): void {
  const b = f.builder;
  const rt = (fn: string, args: Value[]) => b.callExtern(lumaRuntimeFunction(fn), args, null);
  const offset = { hidden: "chars.offset", type: constants.int(0n).type };
  f.writeVariable(offset, constants.int(0n));
  f.loop(
    "chars",
    () => b.icmp("lt", f.readVariable(offset), rt("luma_str_len", [s])),
    () => {
      const at = f.readVariable(offset);
      const end = rt("luma_str_char_end", [s, at]);
      body(rt("luma_str_range", [s, at, end]));
      f.writeVariable(offset, end);
    },
  );
}
