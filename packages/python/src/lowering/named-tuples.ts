// Values of namedtuple classes (named-tuples.ts): a call of the class makes a tuple whose kinds carry
// the class's name and field names (for its repr), a field read is a tuple element read, and
// `_replace` makes a copy with some fields given anew.

import { constants, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { fieldIndex, namedTupleArguments } from "../named-tuple-inference.js";
import { type NamedTupleClass, type PyType, resolve } from "../py-types.js";
import type { LoweringContext } from "./context.js";
import { lowerExpression } from "./expressions.js";
import { makeTuple } from "./iteration.js";
import { coerce } from "./optional.js";
import { readTupleSlot } from "./subscripts.js";

/** `Point(1, y=2)`: the arguments evaluated in the order written, then placed in field order. */
export function lowerNamedTupleCall(cx: LoweringContext, e: ast.Call, cls: NamedTupleClass): Value {
  const type = resolve(cx.typeOf(e));
  const written = [...e.args, ...e.keywords.map((k) => k.value)];
  const values = new Map(written.map((a) => [a, lowerExpression(cx, a)] as const));
  const fields = namedTupleArguments(e, cls).map((a, i) => coerce(cx, values.get(a)!, cx.typeOf(a), type.parts[i]!));
  return makeTuple(cx, fields, type.parts, cls);
}

/** `p.x`. */
export function lowerNamedTupleField(cx: LoweringContext, e: ast.Attribute): Value {
  const type = resolve(cx.typeOf(e.value));
  const at = fieldIndex(type, e);
  return readTupleSlot(cx, lowerExpression(cx, e.value), constants.int(BigInt(at)), type.parts[at]!);
}

/** `p._replace(x=1)`: the fields given by keyword, the others read from `p`. */
export function lowerReplace(cx: LoweringContext, e: ast.Call, receiver: Value, type: PyType): Value {
  const cls = type.named!;
  const given = new Map(
    e.keywords.map(
      (k) =>
        [
          k.arg!,
          coerce(cx, lowerExpression(cx, k.value), cx.typeOf(k.value), type.parts[cls.fields.indexOf(k.arg!)]!),
        ] as const,
    ),
  );
  const fields = cls.fields.map(
    (f, i) => given.get(f) ?? readTupleSlot(cx, receiver, constants.int(BigInt(i)), type.parts[i]!),
  );
  return makeTuple(cx, fields, type.parts, cls);
}
