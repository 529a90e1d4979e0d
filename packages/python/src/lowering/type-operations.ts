// What the values of each Python type do, in IR terms: one entry per kind of type. Lowering asks this
// table for a value's IR type, its truth, its str() and repr(), its format(spec), how print writes
// it, how two of them compare and how int() and float() convert it, so a new type is one entry here.
//
// An operation a type does not have is left out of its entry (None has no format spec, no int() and
// no float()): type inference refuses those programs, so lowering never asks. Operations no type of
// the subset has yet (hash, len, iteration) join the same way, as optional members, with the first
// type that has them.

import {
  type CompareOp,
  type Constant,
  constants,
  type IrType,
  refType,
  runtimeLayouts,
  type SourceLoc,
  strType,
  types,
  type Value,
} from "@toolchain/compiler";
import { type PyType, type PyTypeKind, pyTypes, resolve } from "../py-types.js";
import {
  bytesType,
  dequeType,
  dictType,
  iteratorType,
  LIST_LENGTH,
  listType,
  setType,
  TUPLE_LENGTH,
  tupleType,
} from "../python-layouts.js";
import { RT } from "../runtime-names.js";
import { asFloat, asInt } from "./arithmetic.js";
import { compareMixed } from "./comparisons.js";
import type { LoweringContext } from "./context.js";
import { intCompare } from "./ints.js";
import { forNumber, numberIrType, onNumber } from "./numbers.js";
import { isNone, optionalIrType, payloadOf } from "./optional.js";
import { compareUnions, onUnion } from "./unions.js";

export interface PyTypeOperations {
  /** How a value of the type is held in the IR. */
  readonly irType: IrType;
  /** A global's first value, and a variable's before its first assignment (never seen: such a read raises or is dead). */
  zero(): Constant;
  /** Python's truth value, `bool(x)`: an i1. */
  truth(cx: LoweringContext, value: Value): Value;
  /** `str(x)`: a str. */
  str(cx: LoweringContext, value: Value): Value;
  /** `repr(x)`: a str. */
  repr(cx: LoweringContext, value: Value): Value;
  /** `format(x, spec)` with `spec` a str, raising ValueError at `loc` for a spec the type rejects. */
  format?(cx: LoweringContext, value: Value, spec: Value, loc: SourceLoc): Value;
  /** Writes `str(x)` to standard output for print (without making the string where the runtime need not). */
  write(cx: LoweringContext, value: Value): void;
  /** `a <op> b` between two values of the type: an i1. */
  compare(cx: LoweringContext, op: CompareOp, a: Value, b: Value, loc?: SourceLoc | null): Value;
  /** `int(x)`, raising at `loc` where the value has no int. */
  toInt?(cx: LoweringContext, value: Value, loc: SourceLoc): Value;
  /** `float(x)`, raising at `loc` where the value has no float. */
  toFloat?(cx: LoweringContext, value: Value, loc: SourceLoc): Value;
}

/** The operations of `type`'s kind (containers share one entry: the runtime reads their parts). */
export function operationsOf(type: PyType): PyTypeOperations {
  const t = resolve(type);
  if (t.kind === "var") throw new Error(`internal: unresolved type ${type.text} reached lowering`);
  if (t.kind === "optional") {
    let operations = optionalOperations.get(t);
    if (operations === undefined) {
      operations = optionalOperationsOf(t.parts[0]!);
      optionalOperations.set(t, operations);
    }
    return operations;
  }
  if (t.kind === "union") {
    let operations = unionOperations.get(t);
    if (operations === undefined) {
      operations = unionOperationsOf(t);
      unionOperations.set(t, operations);
    }
    return operations;
  }
  return PY_TYPE_OPERATIONS[t.kind];
}

const optionalOperations = new Map<PyType, PyTypeOperations>();
const unionOperations = new Map<PyType, PyTypeOperations>();

/**
 * `T | None`: the IR's variant of unit and T (for an object T, its pointer or null). Its truth, text
 * and printing test which it holds first, in blocks of their own, since T's operations may not look
 * at a None.
 */
function optionalOperationsOf(part: PyType): PyTypeOperations {
  const inner = operationsOf(part);
  const irType = optionalIrType(inner.irType);
  const bySide = (cx: LoweringContext, value: Value, type: IrType, none: () => Value, some: (v: Value) => Value) =>
    cx.choose(type, cx.b.not(isNone(cx, value)), () => some(payloadOf(cx, value)), none);
  const text = (operation: "str" | "repr") => (cx: LoweringContext, value: Value) =>
    bySide(
      cx,
      value,
      strType,
      () => constants.str("None"),
      (v) => inner[operation](cx, v),
    );
  return {
    irType,
    zero: () => constants.none(irType),
    truth: (cx, value) =>
      bySide(
        cx,
        value,
        types.i1,
        () => constants.bool(false),
        (v) => inner.truth(cx, v),
      ),
    str: text("str"),
    repr: text("repr"),
    write: (cx, value) => writeStr(cx, text("str")(cx, value)),
    compare: () => {
      throw new Error("internal: inference refuses comparing a value that may be None");
    },
  };
}

export function irTypeOf(type: PyType): IrType {
  return operationsOf(type).irType;
}

const intToStr = (cx: LoweringContext, value: Value) => cx.rt(RT.intToStr, [value], cx.here());
const floatToStr = (cx: LoweringContext, value: Value) => cx.rt(RT.floatToStr, [value], null);
const boolToStr = (cx: LoweringContext, value: Value) =>
  cx.b.select(value, constants.str("True"), constants.str("False"));
const noneToStr = () => constants.str("None");
const writeStr = (cx: LoweringContext, value: Value) => {
  cx.rt(RT.writeStr, [value], null);
};

/**
 * A container: an object of one of the runtime's layouts, which the runtime prints, compares and
 * hashes by reading its parts (runtime/py_object.c); its truth is a non-zero length.
 */
function containerOperations(irType: IrType, length: (cx: LoweringContext, value: Value) => Value): PyTypeOperations {
  const onObject = (name: string, cx: LoweringContext, args: Value[], loc: SourceLoc | null) =>
    cx.rtOnObjects(name, args, loc);
  return {
    irType,
    zero: () => constants.none(irType),
    truth: (cx, value) => cx.b.icmp("ne", length(cx, value), constants.int(0n)),
    str: (cx, value) => onObject(RT.objectStr, cx, [value], null),
    repr: (cx, value) => onObject(RT.objectRepr, cx, [value], null),
    write: (cx, value) => {
      onObject(RT.writeObject, cx, [value], null);
    },
    compare: (cx, op, a, b, loc) => {
      if (op === "eq" || op === "ne") {
        const equal = onObject(RT.objectEq, cx, [a, b], null);
        return op === "eq" ? equal : cx.b.not(equal);
      }
      if (irType === setType) {
        // Sets order by inclusion: a <= b is a subset test, a < b a proper one.
        const [x, y] = op === "lt" || op === "le" ? [a, b] : [b, a];
        const subset = cx.rt("py_set_issubset", [x, y], null);
        if (op === "le" || op === "ge") return subset;
        return cx.b.select(subset, cx.b.not(cx.rt("py_set_eq", [a, b], null)), constants.bool(false));
      }
      return cx.b.icmp(op, onObject(RT.objectCompare, cx, [a, b], loc ?? null), constants.int(0n));
    },
  };
}

const fileText = () => constants.str("<_io.TextIOWrapper>");

// For numbers, int() and float() are the numeric promotions arithmetic uses, except float's int().
const PY_TYPE_OPERATIONS: Readonly<Record<Exclude<PyTypeKind, "var" | "optional" | "union">, PyTypeOperations>> = {
  int: {
    irType: types.tagged,
    zero: () => constants.immediate(0n),
    // Results are normalised, so only the immediate 0 is zero.
    truth: (cx, value) => cx.b.icmp("ne", cx.b.convert("bitcast", value, types.i64), constants.int(0n)),
    str: intToStr,
    repr: intToStr,
    format: (cx, value, spec, loc) => cx.rt(RT.formatInt, [value, spec], loc),
    write: (cx, value) => {
      cx.rt(RT.writeInt, [value], cx.here());
    },
    compare: (cx, op, a, b) => intCompare(cx, op, a, b),
    toInt: (cx, value) => asInt(cx, value, pyTypes.int),
    toFloat: (cx, value, loc) => asFloat(cx, value, pyTypes.int, loc),
  },
  float: {
    irType: types.f64,
    zero: () => constants.float(0),
    truth: (cx, value) => cx.b.fcmp("ne", value, constants.float(0)),
    str: floatToStr,
    repr: floatToStr,
    format: (cx, value, spec, loc) => cx.rt(RT.formatFloat, [value, spec], loc),
    write: (cx, value) => {
      cx.rt(RT.writeFloat, [value], null);
    },
    compare: (cx, op, a, b) => cx.b.fcmp(op, a, b),
    toInt: (cx, value, loc) => cx.rt(RT.floatToInt, [value], loc),
    toFloat: (cx, value, loc) => asFloat(cx, value, pyTypes.float, loc),
  },
  bool: {
    irType: types.i1,
    zero: () => constants.bool(false),
    truth: (_cx, value) => value,
    str: boolToStr,
    repr: boolToStr,
    format: (cx, value, spec, loc) => cx.rt(RT.formatBool, [value, spec], loc),
    write: (cx, value) => writeStr(cx, boolToStr(cx, value)),
    // As ints: True > False.
    compare: (cx, op, a, b) => cx.b.icmp(op, cx.b.zext(a), cx.b.zext(b)),
    toInt: (cx, value) => asInt(cx, value, pyTypes.bool),
    toFloat: (cx, value, loc) => asFloat(cx, value, pyTypes.bool, loc),
  },
  None: {
    irType: types.unit,
    zero: () => constants.unit(),
    truth: () => constants.bool(false),
    str: noneToStr,
    repr: noneToStr,
    write: (cx) => writeStr(cx, noneToStr()),
    // None == None; inference refuses ordering them.
    compare: (_cx, op) => constants.bool(op === "eq" || op === "le" || op === "ge"),
  },
  str: {
    irType: strType,
    zero: () => constants.str(""),
    truth: (cx, value) => cx.b.icmp("ne", cx.rt(RT.strLength, [value], null), constants.int(0n)),
    str: (_cx, value) => value,
    repr: (cx, value) => cx.rt(RT.strRepr, [value], null),
    format: (cx, value, spec, loc) => cx.rt(RT.formatStr, [value, spec], loc),
    write: writeStr,
    compare: (cx, op, a, b) => cx.b.icmp(op, cx.rt(RT.strCompare, [a, b], null), constants.int(0n)),
    toInt: (cx, value, loc) => cx.rt(RT.strToInt, [value], loc),
    toFloat: (cx, value, loc) => cx.rt(RT.strToFloat, [value], loc),
  },
  bytes: {
    irType: bytesType,
    zero: () => constants.none(bytesType),
    truth: (cx, value) => cx.b.icmp("ne", cx.rt("py_bytes_length", [value], null), constants.int(0n)),
    // str() of bytes is its repr (with the -b flag CPython would warn).
    str: (cx, value) => cx.rt("py_bytes_repr", [value], null),
    repr: (cx, value) => cx.rt("py_bytes_repr", [value], null),
    write: (cx, value) => writeStr(cx, cx.rt("py_bytes_repr", [value], null)),
    compare: (cx, op, a, b) => {
      if (op === "eq" || op === "ne") {
        const equal = cx.rt("py_bytes_eq", [a, b], null);
        return op === "eq" ? equal : cx.b.not(equal);
      }
      return cx.b.icmp(op, cx.rt("py_bytes_compare", [a, b], null), constants.int(0n));
    },
  },
  iterator: {
    irType: iteratorType,
    zero: () => constants.none(iteratorType),
    truth: () => constants.bool(true),
    // CPython shows the object's address, which no two runs share.
    str: () => constants.str("<list_iterator object>"),
    repr: () => constants.str("<list_iterator object>"),
    write: (cx) => writeStr(cx, constants.str("<list_iterator object>")),
    compare: () => {
      throw new Error("internal: inference refuses comparing iterators");
    },
  },
  file: {
    irType: refType(runtimeLayouts.file),
    zero: () => constants.none(refType(runtimeLayouts.file)),
    truth: () => constants.bool(true),
    str: fileText,
    repr: fileText,
    write: (cx) => writeStr(cx, fileText()),
    // Inference refuses comparing files.
    compare: () => {
      throw new Error("internal: comparing files");
    },
  },
  number: {
    irType: numberIrType,
    // The empty case is case 0 with a zero payload: the int 0.
    zero: () => constants.none(numberIrType),
    truth: (cx, value) => onNumber(cx, value, types.i1, (v, t) => operationsOf(t).truth(cx, v)),
    str: (cx, value) => onNumber(cx, value, strType, (v, t) => operationsOf(t).str(cx, v)),
    repr: (cx, value) => onNumber(cx, value, strType, (v, t) => operationsOf(t).repr(cx, v)),
    format: (cx, value, spec, loc) => onNumber(cx, value, strType, (v, t) => operationsOf(t).format!(cx, v, spec, loc)),
    write: (cx, value) => forNumber(cx, value, (v, t) => operationsOf(t).write(cx, v)),
    compare: (cx, op, a, b, loc) =>
      onNumber(cx, a, types.i1, (x, xType) =>
        onNumber(cx, b, types.i1, (y, yType) => compareNumbers(cx, op, x, xType, y, yType, loc ?? null)),
      ),
    toInt: (cx, value, loc) => onNumber(cx, value, types.tagged, (v, t) => operationsOf(t).toInt!(cx, v, loc)),
    toFloat: (cx, value, loc) => onNumber(cx, value, types.f64, (v, t) => operationsOf(t).toFloat!(cx, v, loc)),
  },
  list: containerOperations(listType, (cx, value) => cx.b.getField(value, LIST_LENGTH)),
  tuple: containerOperations(tupleType, (cx, value) => cx.b.getField(value, TUPLE_LENGTH)),
  dict: containerOperations(dictType, (cx, value) => cx.rt(RT.dictLength, [value], null)),
  set: containerOperations(setType, (cx, value) => cx.rt(RT.setLength, [value], null)),
  deque: containerOperations(dequeType, (cx, value) => cx.rt("py_deque_length", [value], null)),
};

function unionOperationsOf(union: PyType): PyTypeOperations {
  const onMember = (cx: LoweringContext, value: Value, resultType: IrType, then: (v: Value, t: PyType) => Value) =>
    onUnion(cx, value, union, resultType, then);
  return {
    irType: types.tagged,
    zero: () => constants.immediate(0n),
    truth: (cx, value) => cx.rt("py_any_truth", [value], null),
    str: (cx, value) => cx.rt("py_any_str", [value], null),
    repr: (cx, value) => cx.rt("py_any_repr", [value], null),
    format: (cx, value, spec, loc) =>
      onMember(cx, value, strType, (v, t) => {
        const member = operationsOf(t);
        if (member.format !== undefined) return member.format(cx, v, spec, loc);
        // object.__format__: an empty spec is str(); any other is refused.
        const empty = cx.b.icmp("eq", cx.rt(RT.strLength, [spec], null), constants.int(0n));
        return cx.choose(
          strType,
          empty,
          () => member.str(cx, v),
          () => {
            cx.b.raise({
              kind: "TypeError",
              message: `unsupported format string passed to ${t.className}.__format__`,
              loc,
            });
            return constants.str("");
          },
        );
      }),
    write: (cx, value) => {
      cx.rt("py_write_any", [value], null);
    },
    compare: (cx, op, a, b, loc) => compareUnions(cx, op, a, pyTypes.int, b, pyTypes.int, loc ?? null),
    toInt: (cx, value, loc) => onMember(cx, value, types.tagged, (v, t) => convertMember(cx, v, t, "int", loc)),
    toFloat: (cx, value, loc) => onMember(cx, value, types.f64, (v, t) => convertMember(cx, v, t, "float", loc)),
  };
}

/** A union's member converted by int() or float(), or CPython's TypeError for one that has no conversion. */
function convertMember(cx: LoweringContext, value: Value, type: PyType, to: "int" | "float", loc: SourceLoc): Value {
  const member = operationsOf(type);
  const convert = to === "int" ? member.toInt : member.toFloat;
  if (convert !== undefined) return convert(cx, value, loc);
  const accepted = to === "int" ? "a string, a bytes-like object or a real number" : "a string or a real number";
  cx.b.raise({ kind: "TypeError", message: `${to}() argument must be ${accepted}, not '${type.className}'`, loc });
  return to === "int" ? constants.immediate(0n) : constants.float(0);
}

/** `a <op> b` of an int and a float in either order, or two of one kind: exactly, as CPython compares. */
function compareNumbers(
  cx: LoweringContext,
  op: CompareOp,
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  loc: SourceLoc | null,
): Value {
  if (aType === bType) return operationsOf(aType).compare(cx, op, a, b, loc);
  return compareMixed(cx, op, a, aType, b, bType);
}
