// `==` and `!=` on the composite values the language compares structurally: structs field by field,
// enums by variant and then payload, fixed arrays element by element; and pointers by address.
// Each part is compared with lowerComparison, so a struct of strings compares its strings' text.
// A payload is read only under the test of its variant, and a fixed array's loop stops at the
// first difference.

import { ARRAY_DATA, constants, types, type Value } from "@toolchain/compiler";
import type { LumaType } from "../checker/types.js";
import { isVariant, variantPart } from "./aggregates.js";
import { eachElement } from "./arrays.js";
import type { FunctionLowering } from "./function-context.js";
import { lowerComparison } from "./operators.js";

/** Whether `left` and `right`, of the composite or pointer type `type`, are equal. */
export function structurallyEqual(f: FunctionLowering, type: LumaType, left: Value, right: Value): Value {
  const b = f.builder;
  switch (type.kind) {
    case "pointer":
      return b.icmp("eq", b.convert("ptrtoint", left, types.i64), b.convert("ptrtoint", right, types.i64));
    case "struct": {
      const fields = f.program.irTypes.fieldTypes(type);
      return fields
        .map((field, i) => lowerComparison(f, "eq", field, b.structExtract(left, i), b.structExtract(right, i)))
        .reduce((all, one) => b.ibinary("and", all, one, null), constants.bool(true) as Value);
    }
    case "enum": {
      const equal = { hidden: "equal.enum", type: types.i1 };
      const done = f.newBlock("equal.end");
      const sameVariant = f.newBlock("equal.variant");
      f.writeVariable(equal, constants.bool(false));
      f.condbr(b.icmp("eq", b.variantTag(left), b.variantTag(right)), sameVariant, done);
      f.enter(sameVariant);
      type.symbol.variants.forEach((_, index) => {
        const parts = f.program.irTypes.payloadTypes(type, index);
        if (parts === null || parts.length === 0) return;
        const here = f.newBlock("equal.payload");
        const other = f.newBlock("equal.next");
        f.condbr(isVariant(f, left, type, index), here, other);
        f.enter(here);
        const each = parts.map((part, i) =>
          lowerComparison(f, "eq", part, variantPart(f, left, type, index, i), variantPart(f, right, type, index, i)),
        );
        f.writeVariable(
          equal,
          each.reduce((all, one) => b.ibinary("and", all, one, null)),
        );
        f.br(done);
        f.enter(other);
      });
      // A variant without payload: the same variant is the same value.
      f.writeVariable(equal, constants.bool(true));
      f.br(done);
      f.enter(done);
      return f.readVariable(equal);
    }
    case "fixed-array": {
      const equal = { hidden: "equal.array", type: types.i1 };
      f.writeVariable(equal, constants.bool(true));
      eachElement(f, left, (element, next, exit, i) => {
        const theirs = b.elemGet(element.type, b.getField(right, ARRAY_DATA), i);
        const differ = f.newBlock("equal.differ");
        f.condbr(lowerComparison(f, "eq", type.element, element, theirs), next, differ);
        f.enter(differ);
        f.writeVariable(equal, constants.bool(false));
        f.br(exit);
      });
      return f.readVariable(equal);
    }
    default:
      throw new Error(`internal: comparison of ${type.text}`);
  }
}
