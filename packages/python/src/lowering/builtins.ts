// The builtin functions of the subset (print, abs, min, max, int, float, bool, str, round, pow, len)
// and what it has of `sys`: `sys.exit()`, `sys.argv[i]` and `len(sys.argv)`. Conversions and
// printing ask the type table; numbers go through the arithmetic and comparisons of their types.

import { constants, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { isinstanceCodes } from "../narrowing.js";
import { membersOf, type PyType, pyTypes, resolve } from "../py-types.js";
import { RT } from "../runtime-names.js";
import { SemanticError } from "../semantic-error.js";
import { asInt, binary, power } from "./arithmetic.js";
import { compare } from "./comparisons.js";
import type { LoweringContext } from "./context.js";
import { kindOf } from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { intAbs, unboxInt } from "./ints.js";
import { appendToList, lowerIteration, makeTuple, toList } from "./iteration.js";
import { numberIrType, onNumber } from "./numbers.js";
import { coerce } from "./optional.js";
import { irTypeOf, operationsOf } from "./type-operations.js";
import { hashOfMembers, isInstanceOf } from "./unions.js";

export function lowerBuiltinCall(cx: LoweringContext, e: ast.Call, name: string): Value {
  const arg = (i: number) => lowerExpression(cx, e.args[i]!);
  const argType = (i: number) => cx.typeOf(e.args[i]!);
  switch (name) {
    case "print":
      return lowerPrint(cx, e);
    case "abs":
      return absolute(cx, arg(0), argType(0), e);
    case "min":
    case "max": {
      const type = argType(0);
      let best = arg(0);
      for (let i = 1; i < e.args.length; i++) {
        const candidate = arg(i);
        // Python keeps the first of equal values: max(a, b) is b only if b > a.
        const better = compare(cx, name === "max" ? "Gt" : "Lt", candidate, type, best, type, e);
        best = cx.b.select(better, candidate, best);
      }
      return best;
    }
    case "int": {
      if (e.args.length === 0) return constants.immediate(0n);
      if (e.args.length === 2) return cx.rt("py_int_from_str_base", [arg(0), asInt(cx, arg(1), argType(1))], cx.loc(e));
      const type = argType(0);
      return operationsOf(type).toInt!(cx, arg(0), cx.loc(e));
    }
    case "float": {
      if (e.args.length === 0) return constants.float(0);
      const type = argType(0);
      return operationsOf(type).toFloat!(cx, arg(0), cx.loc(e));
    }
    case "bool":
      return e.args.length === 0 ? constants.bool(false) : operationsOf(argType(0)).truth(cx, arg(0));
    case "str":
      return e.args.length === 0 ? constants.str("") : operationsOf(argType(0)).str(cx, arg(0));
    case "bytes":
      return lowerBytesCall(cx, e);
    case "repr":
      return operationsOf(argType(0)).repr(cx, arg(0));
    case "divmod": {
      // (a // b, a % b), with divmod's messages.
      const type = resolve(cx.typeOf(e)).parts[0]!;
      const [a, b] = [arg(0), arg(1)];
      const quotient = binary(cx, "FloorDiv", a, argType(0), b, argType(1), type, e, "divmod");
      const remainder = binary(cx, "Mod", a, argType(0), b, argType(1), type, e, "divmod");
      return makeTuple(cx, [quotient, remainder], [type, type]);
    }
    case "format": {
      const operations = operationsOf(argType(0));
      const value = arg(0);
      if (e.args.length === 1) return operations.str(cx, value);
      if (operations.format === undefined) throw new SemanticError("unsupported: format() of this type", e);
      return operations.format(cx, value, arg(1), cx.loc(e));
    }
    case "bin":
    case "oct":
    case "hex": {
      // bin(x) is format(x, "#b"): the sign before the prefix, as CPython writes it.
      const spec = { bin: "#b", oct: "#o", hex: "#x" }[name];
      return cx.rt(RT.formatInt, [asInt(cx, arg(0), argType(0)), constants.str(spec)], cx.loc(e));
    }
    case "ord":
      return cx.rt("py_str_ord", [arg(0)], cx.loc(e));
    case "chr":
      return cx.rt("py_str_chr", [asInt(cx, arg(0), argType(0))], cx.loc(e));
    case "hash":
      return lowerHash(cx, arg(0), argType(0), e);
    case "open":
      return cx.rt("py_file_open", [arg(0), e.args.length > 1 ? arg(1) : constants.str("r")], cx.loc(e));
    case "isinstance":
      return isInstanceOf(cx, arg(0), argType(0), isinstanceCodes(e.args[1]!));
    case "round":
      return lowerRound(cx, e);
    case "pow": {
      if (e.args.length === 3) {
        const values = [0, 1, 2].map((i) => asInt(cx, arg(i), argType(i)));
        return cx.rt(RT.intPowMod, values, cx.loc(e));
      }
      return power(cx, arg(0), argType(0), arg(1), argType(1), cx.typeOf(e), e);
    }
    case "len":
      return cx.rt(RT.argvCount, [], null);
    default:
      throw new SemanticError(`unsupported: builtin '${name}'`, e);
  }
}

function lowerPrint(cx: LoweringContext, e: ast.Call): Value {
  const keyword = (name: string): ast.expr | null => e.keywords.find((k) => k.arg === name)?.value ?? null;
  const text = (node: ast.expr | null, fallback: string): Value => {
    if (node === null || cx.typeOf(node) === pyTypes.none) return constants.str(fallback);
    return lowerExpression(cx, node);
  };
  if (e.args.some((a) => a._type === "Starred")) return lowerPrintUnpacking(cx, e, text(keyword("sep"), " "));
  const values = e.args.map((a) => ({ value: lowerExpression(cx, a), type: cx.typeOf(a) }));
  const sep = text(keyword("sep"), " ");
  const end = text(keyword("end"), "\n");
  const fileNode = keyword("file");
  if (fileNode !== null && cx.typeOf(fileNode) !== pyTypes.none) {
    // To a file: the line made whole, then written in one call.
    const file = lowerExpression(cx, fileNode);
    let line: Value | null = null;
    for (const v of values) {
      const piece = operationsOf(v.type).str(cx, v.value);
      line = line === null ? piece : cx.rt(RT.strConcat, [cx.rt(RT.strConcat, [line, sep], null), piece], null);
    }
    cx.rt("py_file_write", [file, line === null ? end : cx.rt(RT.strConcat, [line, end], null)], cx.loc(e));
    return constants.unit();
  }
  values.forEach((v, i) => {
    if (i > 0) cx.rt(RT.writeStr, [sep], null);
    operationsOf(v.type).write(cx, v.value);
  });
  cx.rt(RT.writeStr, [end], null);
  return constants.unit();
}

/**
 * print(a, *xs, b): the pieces, as many as the iterables have, joined by the separator into one line
 * (evaluated in order, as CPython evaluates them), then written as print writes a line.
 */
function lowerPrintUnpacking(cx: LoweringContext, e: ast.Call, sep: Value): Value {
  const pieces = cx.rt("py_list_new", [kindOf(pyTypes.str), constants.int(0n)], null);
  for (const a of e.args) {
    if (a._type !== "Starred") {
      appendToList(cx, pieces, operationsOf(cx.typeOf(a)).str(cx, lowerExpression(cx, a)), pyTypes.str);
      continue;
    }
    lowerIteration(cx, a.value, (item) => {
      appendToList(cx, pieces, operationsOf(item.type).str(cx, item.value()), pyTypes.str);
    });
  }
  const line = cx.rt("py_str_join", [sep, pieces], cx.loc(e));
  const endNode = e.keywords.find((k) => k.arg === "end")?.value ?? null;
  const end =
    endNode === null || cx.typeOf(endNode) === pyTypes.none ? constants.str("\n") : lowerExpression(cx, endNode);
  const fileNode = e.keywords.find((k) => k.arg === "file")?.value ?? null;
  const whole = cx.rt(RT.strConcat, [line, end], null);
  if (fileNode !== null && cx.typeOf(fileNode) !== pyTypes.none) {
    cx.rt("py_file_write", [lowerExpression(cx, fileNode), whole], cx.loc(e));
  } else {
    cx.rt(RT.writeStr, [whole], null);
  }
  return constants.unit();
}

/** hash(x) as CPython computes it (runtime/py_hash.c, py_object.c). */
function lowerHash(cx: LoweringContext, value: Value, type: PyType, e: ast.Call): Value {
  const t = resolve(type);
  if (t === pyTypes.int) return cx.rt("py_int_hash", [value], null);
  if (t === pyTypes.bool) return cx.b.zext(value);
  if (t === pyTypes.float) return cx.rt("py_hash_f64", [value], null);
  if (t === pyTypes.none) return cx.rt("py_hash_none", [], null);
  if (membersOf(t).length > 1) return hashOfMembers(cx, value, t, cx.loc(e));
  return cx.rtOnObjects("py_object_hash", [value], cx.loc(e));
}

/** abs(x) of a number (an `int | float` as what it holds). */
function absolute(cx: LoweringContext, x: Value, type: PyType, e: ast.Call): Value {
  if (type === pyTypes.float) return cx.rt(RT.floatAbs, [x], null);
  if (type === pyTypes.number) {
    return onNumber(cx, x, numberIrType, (v, t) => coerce(cx, absolute(cx, v, t, e), t, pyTypes.number));
  }
  return intAbs(cx, asInt(cx, x, type), cx.loc(e));
}

function lowerRound(cx: LoweringContext, e: ast.Call): Value {
  const x = lowerExpression(cx, e.args[0]!);
  const type = cx.typeOf(e.args[0]!);
  const digitsNode = e.args[1] ?? e.keywords.find((k) => k.arg === "ndigits")?.value ?? null;
  const hasDigits = digitsNode !== null && cx.typeOf(digitsNode) !== pyTypes.none;
  const digits = hasDigits ? asInt(cx, lowerExpression(cx, digitsNode!), cx.typeOf(digitsNode!)) : null;
  return rounded(cx, x, type, digits, e);
}

/** round(x) (an int) or round(x, digits) (x's type), an `int | float` as what it holds. */
function rounded(cx: LoweringContext, x: Value, type: PyType, digits: Value | null, e: ast.Call): Value {
  if (type === pyTypes.number) {
    const result = digits === null ? pyTypes.int : pyTypes.number;
    return onNumber(cx, x, irTypeOf(result), (v, t) =>
      coerce(cx, rounded(cx, v, t, digits, e), digits === null ? pyTypes.int : t, result),
    );
  }
  if (digits === null) {
    if (type === pyTypes.float) return cx.rt(RT.floatRoundToInt, [x], cx.loc(e));
    return asInt(cx, x, type);
  }
  if (type === pyTypes.float) return cx.rt(RT.floatRoundDigits, [x, digits], cx.loc(e));
  return cx.rt(RT.intRoundDigits, [asInt(cx, x, type), digits], cx.loc(e));
}

/** sys.exit(): no argument or None exits with 0, an int with that status, a str prints it and exits with 1. */
export function lowerSysExit(cx: LoweringContext, e: ast.Call): Value {
  if (e.args.length === 0) {
    cx.b.terminate({ kind: "exit", status: constants.int(0n) });
  } else {
    const type = cx.typeOf(e.args[0]!);
    const value = lowerExpression(cx, e.args[0]!);
    if (type === pyTypes.str) {
      cx.rt(RT.exitWithMessage, [value], null);
      cx.b.terminate({ kind: "exit", status: constants.int(1n) });
    } else if (type === pyTypes.none) {
      cx.b.terminate({ kind: "exit", status: constants.int(0n) });
    } else {
      cx.b.terminate({ kind: "exit", status: unboxInt(cx, asInt(cx, value, type), cx.loc(e)) });
    }
  }
  cx.startBlock(cx.b.createBlock("after.exit"));
  cx.ssa.seal(cx.b.block);
  return constants.unit();
}

/** sys.argv[i], the only subscript of the subset. */
export function lowerArgvItem(cx: LoweringContext, e: ast.Subscript): Value {
  const index = asInt(cx, lowerExpression(cx, e.slice), cx.typeOf(e.slice));
  return cx.rt(RT.argvGet, [index], cx.loc(e));
}

/** bytes(...) of the forms inference allows (builtin-inference.ts bytesCallType). */
function lowerBytesCall(cx: LoweringContext, e: ast.Call): Value {
  if (e.args.length === 0) return cx.rt("py_bytes_zeros", [constants.int(0n)], cx.loc(e));
  const source = lowerExpression(cx, e.args[0]!);
  const type = resolve(cx.typeOf(e.args[0]!));
  if (type === pyTypes.str) {
    const errors = e.args.length > 2 ? lowerExpression(cx, e.args[2]!) : constants.str("strict");
    return cx.rt("py_str_encode", [source, lowerExpression(cx, e.args[1]!), errors], cx.loc(e));
  }
  if (type === pyTypes.bytes) return source;
  if (type === pyTypes.int || type === pyTypes.bool) {
    return cx.rt("py_bytes_zeros", [asInt(cx, source, type)], cx.loc(e));
  }
  const list = type.kind === "list" ? source : toList(cx, source, type, e);
  return cx.rt("py_bytes_from_list", [list], cx.loc(e));
}
