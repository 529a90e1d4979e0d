// LumaScript's types as IR types, for the scalar core: integers by width (signedness is in the
// operations lowering picks, as the IR wants), floats, bool as i1, string as the runtime's string
// object, unit as no value (void) for results. Anything else is not lowered yet.

import { type IrType, strType, types } from "@toolchain/compiler";
import type { IntegerType, LumaType } from "../checker/types.js";
import { notSupported } from "./unsupported.js";

export function irType(type: LumaType, at: { start: number; end: number }): IrType {
  switch (type.kind) {
    case "integer":
      return integerIrType(type);
    case "float":
      return type.bits === 32 ? types.f32 : types.f64;
    case "bool":
      return types.i1;
    case "string":
      return strType;
    case "unit":
      return types.void;
    default:
      return notSupported(`values of type \`${type.text}\``, at);
  }
}

export function integerIrType(type: IntegerType): IrType {
  switch (type.bits) {
    case 8:
      return types.i8;
    case 16:
      return types.i16;
    case 32:
      return types.i32;
    default:
      return types.i64;
  }
}
