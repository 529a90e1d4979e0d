// LumaScript's types as IR types: integers by width (signedness is in the operations lowering picks,
// as the IR wants), floats, bool as i1, string as the runtime's string object, unit as no value
// (void) for results. A struct is an IR struct of its fields in declaration order, held by value
// (copied, as the language says); an enum is an IR variant whose case i is variant i's payload, a
// struct of its parts (unit for a variant without payload). Generic structs and enums are their
// instances: the field and payload types with the type arguments substituted. `Array<T>` is a
// reference to the back end's array object of T's IR type (`arrayLayout`), one layout per element
// type, declared in the module. `rc<T>` is a reference to an object holding the T, after a weak cell
// (the back end's WEAK_CELL_FIELD) if the program uses `weak<T>`: its layout is declared at once and
// its fields filled in
// when no other type is being made, so that T may hold itself through an `rc` (a tree's
// `Option<rc<Node>>` children). `weak<T>` is a reference to the back end's weak cell, whatever T.
// Anything else is not lowered yet.

import {
  arrayLayout,
  declareLayout,
  fnType,
  type IrType,
  type Layout,
  type Module,
  mapLayout,
  refType,
  runtimeLayouts,
  strType,
  structType,
  types,
  variantType,
  WEAK_CELL_FIELD,
} from "@toolchain/compiler";
import { fieldTypesOf, payloadTypesOf } from "../checker/generics.js";
import type { EnumType, IntegerType, LumaType, StructType, TypeInterner } from "../checker/types.js";
import { MEMPOOL_LAYOUT } from "../runtime-library.js";
import { notSupported } from "./unsupported.js";

type At = { readonly start: number; readonly end: number };

/** LumaScript breaks cycles with `weak<T>`: the back end's cycle collector never tracks its objects. */
const UNTRACKED = { tracked: false } as const;

/** The IR type of every `weak<T>`: a reference to the back end's weak cell (runtime/weak.c). */
const WEAK_TYPE = refType(runtimeLayouts.weakCell);

/** The IR types of one program's LumaScript types, made once each. */
export class IrTypes {
  private readonly made = new Map<LumaType, IrType>();
  /** Structs and enums being made, to refuse a type that holds itself by value. */
  private readonly making = new Set<LumaType>();
  /** The enums laid out as nullable references, with the index of their variant that holds one. */
  private readonly niches = new Map<LumaType, number>();
  /**
   * `rc` layouts not yet given their field, array layouts their element type and map layouts their
   * value type:
   * filled in once nothing is being made.
   */
  private readonly unfilled: { layout: Layout; target: LumaType; at: At; part: "field" | "elements" | "values" }[] = [];

  constructor(
    private readonly interner: TypeInterner,
    private readonly module: Module,
  ) {}

  of(type: LumaType, at: At): IrType {
    const known = this.made.get(type);
    if (known !== undefined) return known;
    const made = this.make(type, at);
    this.made.set(type, made);
    // An rc's target is made once nothing is being made, so a cycle through it closes on cached types.
    if (this.making.size === 0) this.fillLayouts();
    return made;
  }

  private readonly observable = new Map<LumaType, boolean>();
  private weakTargetTypes: Set<LumaType> | null = null;

  /**
   * The T of every `weak<T>` the program uses (all made by the checker, which checks each generic
   * instance's body with its own types). Only an `rc<T>` of those has a weak cell: the other objects
   * stay 8 bytes smaller. Measured on binary-trees (depth 17): a cell in every node took 17.6 MiB to
   * 25.6 MiB and 0.42 s to 0.50 s.
   */
  private weakTargets(): Set<LumaType> {
    this.weakTargetTypes ??= new Set(
      [...this.interner.all()].flatMap((type) => (type.kind === "weak" ? [type.target] : [])),
    );
    return this.weakTargetTypes;
  }

  /**
   * Whether a value of the type may hold an `rc` (directly, or in a field, payload, element or
   * map value), whose object a weak reference could watch go.
   */
  observableByWeak(type: LumaType): boolean {
    const known = this.observable.get(type);
    if (known !== undefined) return known;
    this.observable.set(type, false); // a type holding itself (through an rc) is answered by the rc
    const parts = (): LumaType[] => {
      switch (type.kind) {
        case "struct":
          return this.fieldTypes(type);
        case "enum":
          return type.symbol.variants.flatMap((_, i) => this.payloadTypes(type, i) ?? []);
        case "array":
        case "fixed-array":
          return [type.element];
        case "map":
          return [type.value];
        default:
          return [];
      }
    };
    const answer = type.kind === "rc" || parts().some((part) => this.observableByWeak(part));
    this.observable.set(type, answer);
    return answer;
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
        return this.aggregate(type, at, () => this.enumType(type, at));
      case "rc": {
        const observedByWeak = this.weakTargets().has(type.target);
        const layout = declareLayout(type.text, [], { ...UNTRACKED, observedByWeak });
        this.module.layouts.push(layout);
        const ref = refType(layout);
        this.made.set(type, ref);
        this.unfilled.push({ layout, target: type.target, at, part: "field" });
        return ref;
      }
      case "weak":
        return WEAK_TYPE;
      case "mempool":
        return refType(MEMPOOL_LAYOUT);
      case "pointer":
        // An address: what it points at is the pointer's operations' business (pointers.ts).
        return types.ptr;
      case "function":
        // A function value: its code and environment (closures.ts).
        return fnType(
          type.parameters.map((p) => this.of(p, at)),
          type.result.kind === "unit" ? types.void : this.of(type.result, at),
        );
      case "map": {
        // A key is held in 8 bytes: a string's reference, or an integer or bool widened (luma_map.c).
        // The value type is set once nothing is being made, as an array's elements are.
        const key = type.key.kind === "string" ? strType : types.i64;
        const layout = mapLayout(type.text, key, types.unit, UNTRACKED);
        this.module.layouts.push(layout);
        const ref = refType(layout);
        this.made.set(type, ref);
        this.unfilled.push({ layout, target: type.value, at, part: "values" });
        return ref;
      }
      case "array":
      case "fixed-array": {
        // A fixed array is the same object, copied where the language copies values (fixed-arrays.ts).
        // The element type is set once nothing is being made, as an rc's target, so that an element
        // may hold arrays of its own type (a tree node's children).
        const layout = arrayLayout(type.text, types.unit, UNTRACKED);
        this.module.layouts.push(layout);
        const ref = refType(layout);
        this.made.set(type, ref);
        this.unfilled.push({ layout, target: type.element, at, part: "elements" });
        return ref;
      }
      default:
        return notSupported(`values of type \`${type.text}\``, at);
    }
  }

  /**
   * Where variant `index` of an enum is in its IR variant: the case, and whether the payload is its
   * one part itself (a bare reference) rather than a struct of its parts.
   */
  variantCase(type: EnumType, index: number): { readonly tag: number; readonly bare: boolean } {
    // The layout is decided when the type is made: a value may come before (from the runtime).
    this.of(type, { start: 0, end: 0 });
    const held = this.niches.get(type);
    if (held === undefined) return { tag: index, bare: false };
    return index === held ? { tag: 1, bare: true } : { tag: 0, bare: false };
  }

  /**
   * An enum of one variant without payload and one holding a single reference (`Option<rc<Node>>`,
   * `Option<string>`) is the back end's nullable reference, `variant{unit | ref L}`: the pointer
   * alone, null for the empty variant, as Rust lays out `Option<Box<T>>`. A tree node of two such
   * children is 16 bytes instead of 32. Any other enum: case i is variant i's payload, a struct.
   */
  private enumType(type: EnumType, at: At): IrType {
    const payloads = type.symbol.variants.map((_, i) => this.payloadTypes(type, i));
    const empty = payloads.indexOf(null);
    const held = payloads.findIndex((p) => p !== null && p.length === 1);
    if (payloads.length === 2 && empty >= 0 && held >= 0) {
      const part = this.of(payloads[held]![0]!, at);
      if (part.kind === "ref") {
        this.niches.set(type, held);
        return variantType([types.unit, part]);
      }
    }
    return variantType(payloads.map((p) => (p === null ? types.unit : structType(p.map((t) => this.of(t, at))))));
  }

  private fillLayouts(): void {
    for (let next = this.unfilled.shift(); next !== undefined; next = this.unfilled.shift()) {
      const type = this.of(next.target, next.at);
      if (next.part === "field") {
        const value = { name: "value", type };
        next.layout.fields = next.layout.observedByWeak === true ? [WEAK_CELL_FIELD, value] : [value];
      } else if (next.part === "elements") next.layout.elements = type;
      else next.layout.entries = { key: next.layout.entries!.key, value: type };
    }
  }

  private aggregate(type: LumaType, at: At, make: () => IrType): IrType {
    if (this.making.has(type)) return notSupported(`\`${type.text}\`, which holds itself by value`, at);
    this.making.add(type);
    let made: IrType;
    try {
      made = make();
    } finally {
      this.making.delete(type);
    }
    return made;
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
