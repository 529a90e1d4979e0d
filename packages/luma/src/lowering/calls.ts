// Calls: of the program's functions (and generic instances, each its own IR function), and of the
// built-in functions of the scalar core: formatting and output, `panic`, `assert`, `assert_eq`, the
// math functions (C's libm), `abs`, `min`, `max`. Anything else a call can be is not lowered yet.

import { constants, lookupRuntimeFunction, type Value } from "@toolchain/compiler";
import type { CallExpression } from "../ast.js";
import type { CallTarget } from "../checker/typed-program.js";
import type { EnumType } from "../checker/types.js";
import { libmFunction, lumaRuntimeFunction } from "../runtime-library.js";
import { lowerVariant, newRc, newWeak, rcValue, upgradeWeak, variantWhen } from "./aggregates.js";
import { lowerArrayMethod, newArray, pushElement } from "./arrays.js";
import { lowerExpression, lowerPlace } from "./expressions.js";
import { formatPieces, joinPieces, toText, writePieces } from "./formatting.js";
import { type FunctionLowering, panicKind } from "./function-context.js";
import { lowerMapMethod, newMap } from "./maps.js";
import { lowerComparison } from "./operators.js";
import { lowerOptionMethod } from "./options.js";
import { lowerExternCall, lowerFree, lowerMempoolMethod, newMempool } from "./pointers.js";
import { lowerStringMethod } from "./strings.js";
import { notSupported } from "./unsupported.js";

export function lowerCall(f: FunctionLowering, call: CallExpression): Value {
  const target = f.body.calls.get(call);
  if (target === undefined) throw new Error(`internal: no call target at ${call.start}`);
  switch (target.kind) {
    case "function": {
      const callee = target.instance === null ? undefined : f.program.functions.get(target.instance);
      if (callee === undefined) return notSupported(`calling \`${target.symbol.name}\``, call.callee);
      const args = call.arguments.map((arg) => lowerExpression(f, arg));
      return f.builder.call(callee, args, f.loc(call.start));
    }
    case "builtin":
      return lowerBuiltin(f, call, target);
    case "method": {
      const callee = target.instance === null ? undefined : f.program.functions.get(target.instance);
      if (callee === undefined) return notSupported(`calling \`${target.symbol.name}\``, call.callee);
      const receiver = lowerExpression(f, target.receiver);
      const self = target.throughRc ? rcValue(f, receiver) : receiver;
      const args = [self, ...call.arguments.map((arg) => lowerExpression(f, arg))];
      return f.builder.call(callee, args, f.loc(call.start));
    }
    case "extern":
      return lowerExternCall(f, call, target.symbol);
    case "variant":
      return lowerVariant(f, f.body.typeOf(call), target.variant, call.arguments, call);
    case "builtin-method": {
      const receiverType = target.receiverType;
      if (receiverType.kind === "enum" && receiverType.symbol.builtin !== null && !target.throughRc)
        return lowerOptionMethod(f, call, target.name, lowerExpression(f, target.receiver), receiverType);
      if ((receiverType.kind === "rc" || receiverType.kind === "weak") && target.name === "clone")
        return lowerExpression(f, target.receiver);
      if (receiverType.kind === "weak" && target.name === "upgrade")
        return upgradeWeak(f, lowerExpression(f, target.receiver), f.body.typeOf(call) as EnumType, call);
      if (receiverType.kind === "string")
        return lowerStringMethod(f, call, target.name, lowerExpression(f, target.receiver));
      if (receiverType.kind === "map" && !target.throughRc)
        return lowerMapMethod(f, call, target.name, lowerExpression(f, target.receiver), receiverType);
      if ((receiverType.kind === "array" || receiverType.kind === "fixed-array") && !target.throughRc)
        return lowerArrayMethod(f, call, target.name, lowerPlace(f, target.receiver), receiverType);
      if (receiverType.kind === "mempool")
        return lowerMempoolMethod(f, call, target.name, lowerExpression(f, target.receiver));
      return notSupported(`the built-in method \`${target.name}\``, call.callee);
    }
    case "builtin-static":
      if (target.owner === "Array" && target.name === "new") return newArray(f, target.type, call);
      if (target.owner === "rc" && target.name === "new") return newRc(f, target.type, call);
      if (target.owner === "weak" && target.name === "new") return newWeak(f, call);
      if (target.owner === "mempool" && target.name === "new") return newMempool(f, call);
      if (target.owner === "Map" && target.name === "new") return newMap(f, target.type, call);
      return notSupported(`\`${target.owner}::${target.name}\``, call.callee);
    case "value": {
      const callee = lowerExpression(f, call.callee);
      const args = call.arguments.map((arg) => lowerExpression(f, arg));
      return f.builder.callIndirect(callee, args, f.loc(call.start));
    }
  }
}

function lowerBuiltin(
  f: FunctionLowering,
  call: CallExpression,
  target: Extract<CallTarget, { kind: "builtin" }>,
): Value {
  const b = f.builder;
  const unit = constants.unit();
  switch (target.name) {
    case "print":
    case "println":
      writePieces(f, formatPieces(f, call, target.format), target.name === "println");
      return unit;
    case "format":
      return joinPieces(f, formatPieces(f, call, target.format));
    case "panic":
      panicWith(f, call.start, joinPieces(f, formatPieces(f, call, target.format)));
      return unit;
    case "assert": {
      const condition = lowerExpression(f, call.arguments[0]!);
      f.panicIf(b.not(condition), call.start, "assertion failed");
      return unit;
    }
    case "assert_eq": {
      const [l, r] = call.arguments as [CallExpression["arguments"][0], CallExpression["arguments"][0]];
      const type = f.body.typeOf(l);
      const left = lowerExpression(f, l);
      const right = lowerExpression(f, r);
      panicUnless(f, lowerComparison(f, "eq", type, left, right), call.start, () => [
        constants.str("assertion `left == right` failed\n  left: "),
        toText(f, l, type, left, null),
        constants.str("\n right: "),
        toText(f, r, type, right, null),
      ]);
      return unit;
    }
    case "free":
      return lowerFree(f, call);
    case "args": {
      // Built here, element by element: the runtime knows no array layouts.
      const all = newArray(f, f.body.typeOf(call), call);
      const count = b.callExtern(lookupRuntimeFunction("rt_argv_count")!, [], null);
      const index = { hidden: "args.index", type: count.type };
      f.writeVariable(index, constants.int(0n));
      f.loop(
        "args",
        () => b.icmp("lt", f.readVariable(index), count),
        () => pushElement(f, all, b.callExtern(lookupRuntimeFunction("rt_argv_get")!, [f.readVariable(index)], null)),
        () => f.writeVariable(index, b.ibinary("add", f.readVariable(index), constants.int(1n), null)),
      );
      return all;
    }
    case "read_line":
      // Option<string> is the nullable reference the runtime returns (IrTypes.variantCase).
      return b.callExtern(lookupRuntimeFunction("rt_stdin_read_line")!, [], null);
    case "read_file": {
      const text = b.callExtern(lumaRuntimeFunction("luma_read_file"), [lowerExpression(f, call.arguments[0]!)], null);
      const tag = b.variantTag(text);
      const failed = b.icmp("eq", tag, constants.int(0n, tag.type));
      const error = { index: 1, parts: () => [b.callExtern(lumaRuntimeFunction("luma_io_error"), [], null)] };
      const read = { index: 0, parts: () => [b.variantPayload(text, 1)] };
      return variantWhen(f, f.body.typeOf(call) as EnumType, failed, error, read, call);
    }
    case "write_file": {
      const [path, text] = call.arguments.map((arg) => lowerExpression(f, arg)) as [Value, Value];
      return b.callExtern(lumaRuntimeFunction("luma_write_file"), [path, text], null);
    }
    case "now_ns":
      return b.callExtern(lumaRuntimeFunction("luma_now_ns"), [], null);
    case "abs": {
      const type = f.body.typeOf(call.arguments[0]!);
      const x = lowerExpression(f, call.arguments[0]!);
      if (type.kind === "float") return b.callExtern(libmFunction("abs", type.bits)!, [x], null);
      return b.select(b.icmp("lt", x, constants.int(0n, x.type)), b.ineg(x, null), x);
    }
    case "min":
    case "max": {
      const type = f.body.typeOf(call.arguments[0]!);
      const x = lowerExpression(f, call.arguments[0]!);
      const y = lowerExpression(f, call.arguments[1]!);
      const less = lowerComparison(f, "lt", type, y, x);
      return target.name === "min" ? b.select(less, y, x) : b.select(less, x, y);
    }
    default: {
      const first = call.arguments[0];
      const type = first === undefined ? null : f.body.typeOf(first);
      const libm = type?.kind === "float" ? libmFunction(target.name, type.bits) : undefined;
      if (libm === undefined) return notSupported(`the built-in function \`${target.name}\``, call.callee);
      const args = call.arguments.map((arg) => lowerExpression(f, arg));
      return b.callExtern(libm, args, null);
    }
  }
}

/** Panics at `offset` with a run-time message: raised, reported uncaught (status 101). */
/**
 * Goes on where `condition` holds; else panics at `offset` with the text of `pieces`, made only on
 * that path (the values a message shows cost nothing where the check passes).
 */
export function panicUnless(f: FunctionLowering, condition: Value, offset: number, pieces: () => Value[]): void {
  const fail = f.newBlock("panic");
  const ok = f.newBlock("ok");
  f.condbr(condition, ok, fail);
  f.enter(fail);
  panicWith(f, offset, joinPieces(f, pieces()));
  f.enter(ok);
}

export function panicWith(f: FunctionLowering, offset: number, message: Value): void {
  const loc = f.loc(offset);
  f.builder.callExtern(lookupRuntimeFunction("rt_raise_message")!, [constants.str(panicKind(loc)), message], loc);
  f.builder.terminate({ kind: "unreachable" });
  f.startDeadBlock();
}
