// The places a program assigns to, evaluated once: a variable, a field of a struct at a place or
// reached through an `rc`, an element of an array, a fixed array, a map or a pointer. A compound
// assignment (`xs[f()] += 1`) reads and writes the same place, so what names it (`f()`) runs once.

import type { Value } from "@toolchain/compiler";
import type { Expression } from "../ast.js";
import { fieldAccess, rcValue, rcValueField } from "./aggregates.js";
import { arrayElement } from "./arrays.js";
import { lowerPlace } from "./expressions.js";
import type { FunctionLowering } from "./function-context.js";
import { mapElement } from "./maps.js";
import { pointerElement } from "./pointers.js";
import { notSupported } from "./unsupported.js";

export interface Place {
  read(): Value;
  write(value: Value): void;
}

export function evaluatePlace(f: FunctionLowering, target: Expression): Place {
  switch (target.kind) {
    case "Name":
    case "Self": {
      const reference = f.body.references.get(target);
      if (reference?.kind !== "local") throw new Error(`internal: a store to a non-variable at ${target.start}`);
      if (reference.captured) notSupported("closures", target);
      return { read: () => f.readLocal(reference.local), write: (value) => f.assignLocal(reference.local, value) };
    }
    case "FieldAccess": {
      const index = fieldAccess(f, target).field.index;
      if (fieldAccess(f, target).throughRc) {
        // A store through an rc writes the object's value in place: every holder sees it.
        const object = lowerPlace(f, target.object);
        return {
          read: () => f.builder.structExtract(rcValue(f, object), index),
          write: (value) =>
            f.builder.setField(object, rcValueField(object), withField(f, rcValue(f, object), index, value)),
        };
      }
      // A struct is a value: the whole is made again with the field replaced and stored where it was.
      const whole = evaluatePlace(f, target.object);
      return {
        read: () => f.builder.structExtract(whole.read(), index),
        write: (value) => whole.write(withField(f, whole.read(), index, value)),
      };
    }
    case "Dereference":
      return pointerElement(f, target);
    case "Index":
      switch (f.body.indexes.get(target)) {
        case "pointer":
          return pointerElement(f, target);
        case "map":
          return mapElement(f, target);
        case "array":
        case "fixed-array":
          return arrayElement(f, target);
        default:
          return notSupported("assignment to this place", target);
      }
    default:
      return notSupported("assignment to this place", target);
  }
}

/** The struct `whole` with field `index` replaced by `value`. */
function withField(f: FunctionLowering, whole: Value, index: number, value: Value): Value {
  const type = whole.type;
  if (type.kind !== "struct") throw new Error(`internal: a field store into ${type.text}`);
  const fields = type.fields.map((_, i) => (i === index ? value : f.builder.structExtract(whole, i)));
  return f.builder.structMake(type, fields);
}
