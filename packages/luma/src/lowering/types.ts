// LumaScript's types as IR types: integers by width (signedness is in the operations lowering picks,
// as the IR wants), floats, bool as i1, string as the runtime's string object, unit as no value
// (void) for results. A struct is an IR struct of its fields in declaration order, held by value
// (copied, as the language says); an enum is an IR variant whose case i is variant i's payload, a
// struct of its parts (unit for a variant without payload). Generic structs and enums are their
// instances: the field and payload types with the type arguments substituted. `Array<T>` is a
// reference to the back end's array object of T's IR type (`arrayLayout`), one layout per element
// type, declared in the module. Anything else is not lowered yet.

import {
  arrayLayout,
  type IrType,
  type Module,
  refType,
  strType,
  structType,
  types,
  variantType,
} from "@toolchain/compiler";
import { fieldTypesOf, payloadTypesOf } from "../checker/generics.js";
import type { EnumType, IntegerType, LumaType, StructType, TypeInterner } from "../checker/types.js";
import { notSupported } from "./unsupported.js";

type At = { readonly start: number; readonly end: number };

/** The IR types of one program's LumaScript types, made once each. */
export class IrTypes {
  private readonly made = new Map<LumaType, IrType>();
  /** Structs and enums being made, to refuse a type that holds itself by value. */
  private readonly making = new Set<LumaType>();

  constructor(
    private readonly interner: TypeInterner,
    private readonly module: Module,
  ) {}

  of(type: LumaType, at: At): IrType {
    const known = this.made.get(type);
    if (known !== undefined) return known;
    const made = this.make(type, at);
    this.made.set(type, made);
    return made;
  }

  /** A struct type's field types, in declaration order (their indexes in the IR struct). */
  fieldTypes(type: StructType): LumaType[] {
    return fieldTypesOf(type, this.interner);
  }

  /** A variant's payload types in an enum type, or null for a variant without payload. */
  payloadTypes(type: EnumType, variantIndex: number): LumaType[] | null {
    return payloadTypesOf(type, variantIndex, this.interner);
  }

  private make(type: LumaType, at: At): IrType {
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
      case "struct":
        return this.aggregate(type, at, () => structType(this.fieldTypes(type).map((t) => this.of(t, at))));
      case "enum":
        return this.aggregate(type, at, () =>
          variantType(
            type.symbol.variants.map((_, i) => {
              const payload = this.payloadTypes(type, i);
              return payload === null ? types.unit : structType(payload.map((t) => this.of(t, at)));
            }),
          ),
        );
      case "array": {
        const layout = arrayLayout(type.text, this.of(type.element, at));
        this.module.layouts.push(layout);
        return refType(layout);
      }
      default:
        return notSupported(`values of type \`${type.text}\``, at);
    }
  }

  private aggregate(type: LumaType, at: At, make: () => IrType): IrType {
    if (this.making.has(type)) return notSupported(`\`${type.text}\`, which holds itself by value`, at);
    this.making.add(type);
    try {
      return make();
    } finally {
      this.making.delete(type);
    }
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
