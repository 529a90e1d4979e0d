// Values of type `T | None` in the IR: the variant of unit and T (for an object T its pointer, null
// for None). A value enters such a slot by `coerce` (None or a T made a variant), and leaves it where
// inference narrowed it (a read of the variable after `x is not None`): its payload.

import { constants, type Value } from "@toolchain/compiler";
import { type PyType, pyTypes, resolve } from "../py-types.js";
import type { LoweringContext } from "./context.js";
import { toNumber } from "./numbers.js";
import { irTypeOf } from "./type-operations.js";

/** A value of type `from` as the type `to` holds it: the same, or made a `T | None` or an `int | float`. */
export function coerce(cx: LoweringContext, value: Value, from: PyType, to: PyType): Value {
  const source = resolve(from);
  const target = resolve(to);
  if (target === pyTypes.number && source !== target) return toNumber(cx, value, source);
  if (source === target || target.kind !== "optional") return value;
  const variant = irTypeOf(target);
  if (source === pyTypes.none) return cx.b.variantMake(variant, 0, null);
  return cx.b.variantMake(variant, 1, value);
}

/** A `T | None` value known to hold a T (narrowed), as a T. */
export function narrow(cx: LoweringContext, value: Value, from: PyType, to: PyType): Value {
  if (resolve(from).kind !== "optional" || resolve(to).kind === "optional") return value;
  return cx.b.variantPayload(value, 1);
}

/** Whether a `T | None` value is None: an i1. */
export function isNone(cx: LoweringContext, value: Value): Value {
  const tag = cx.b.variantTag(value);
  return cx.b.icmp("eq", tag, constants.int(0n, tag.type));
}
