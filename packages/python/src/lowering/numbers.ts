// Values of type `int | float` (pyTypes.number): a variable that holds an int and later a float
// (`total = 0`, then `total += x` of a float), a function returning either. In the IR the variant
// of an int's tagged word (case 0) and a float (case 1); the zero variant is the int 0. Every
// operation on one splits on what it holds and does the int's or the float's operation, so the
// results, and what print shows, are CPython's (`0` before the first float is added, `2.5` after).

import { type Block, constants, type IrType, types, type Value, variantType } from "@toolchain/compiler";
import { type PyType, pyTypes } from "../py-types.js";
import type { LoweringContext } from "./context.js";

export const numberIrType: IrType = variantType([types.tagged, types.f64]);

/** The type a `int | float` holds in each of its cases. */
const CASES: readonly PyType[] = [pyTypes.int, pyTypes.float];

/** An int, bool or float as an `int | float`; an `int | float` as itself. */
export function toNumber(cx: LoweringContext, value: Value, from: PyType): Value {
  if (from === pyTypes.number) return value;
  if (from === pyTypes.float) return cx.b.variantMake(numberIrType, 1, value);
  const int = from === pyTypes.bool ? cx.b.select(value, constants.immediate(1n), constants.immediate(0n)) : value;
  return cx.b.variantMake(numberIrType, 0, int);
}

/** `then(x, t)` for what the `int | float` holds (x of type t), each side in a block of its own. */
export function onNumber(
  cx: LoweringContext,
  value: Value,
  type: IrType,
  then: (held: Value, heldType: PyType) => Value,
): Value {
  const isFloat = cx.b.icmp("eq", cx.b.variantTag(value), constants.int(1n, types.i32));
  return cx.choose(
    type,
    isFloat,
    () => then(cx.b.variantPayload(value, 1), CASES[1]!),
    () => then(cx.b.variantPayload(value, 0), CASES[0]!),
  );
}

/** Like onNumber, for an operation with no value (printing one). */
export function forNumber(cx: LoweringContext, value: Value, then: (held: Value, heldType: PyType) => void): void {
  const isFloat = cx.b.icmp("eq", cx.b.variantTag(value), constants.int(1n, types.i32));
  const sides: [Block, number][] = [
    [cx.b.createBlock("number.float"), 1],
    [cx.b.createBlock("number.int"), 0],
  ];
  const join = cx.b.createBlock("number.end");
  cx.branch(isFloat, sides[0]![0], sides[1]![0]);
  for (const [block, tag] of sides) {
    cx.ssa.seal(block);
    cx.startBlock(block);
    then(cx.b.variantPayload(value, tag), CASES[tag]!);
    cx.jump(join);
  }
  cx.ssa.seal(join);
  cx.startBlock(join);
}
