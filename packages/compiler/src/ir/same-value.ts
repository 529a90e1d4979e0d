import type { Value } from "./ir.js";

/**
 * Whether two operands are certainly the same value: the same instruction or parameter, or equal
 * constants of one type. Floats compare by bits as far as JavaScript shows them (0.0 and -0.0
 * differ, NaN equals NaN), since a value, not a comparison, is being replaced.
 */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.kind !== "const" || b.kind !== "const" || a.type !== b.type) return false;
  return Object.is(a.value, b.value);
}
