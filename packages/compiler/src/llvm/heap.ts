// Objects, structs, variants and function values. Objects are allocated by the runtime (rt_alloc,
// with their layout's descriptor and their allocation site) and their fields are read and written
// at the layout module's offsets; structs are LLVM aggregates; a variant is a tag word and payload
// words, written and read through a stack slot that LLVM turns back into registers; a function
// value is a code pointer and an environment.

import type { Instruction } from "../ir/ir.js";
import { fieldOffsets, objectSize, variantLayout } from "../ir/layouts.js";
import { type IrType, isNullableRef, types } from "../ir/types.js";
import type { FunctionEmitter } from "./function-emitter.js";
import { llvmType } from "./llvm-values.js";
import { allocSiteSymbol, layoutDescriptorSymbol } from "./object-layouts.js";

type Of<K extends Instruction["kind"]> = Extract<Instruction, { kind: K }>;
type HeapInstruction = Of<
  | "alloc"
  | "get_field"
  | "set_field"
  | "elem_get"
  | "elem_set"
  | "struct_make"
  | "struct_extract"
  | "variant_make"
  | "variant_tag"
  | "variant_payload"
  | "func_ref"
  | "call_indirect"
>;

export class HeapEmitter {
  constructor(private readonly e: FunctionEmitter) {}

  emit(inst: HeapInstruction): void {
    const e = this.e;
    const v = e.name(inst);
    switch (inst.kind) {
      case "alloc": {
        if (inst.type.kind !== "ref") throw new Error(`alloc of ${inst.type.text}`);
        const layout = inst.type.layout;
        e.m.declareIntrinsic("declare ptr @rt_alloc(ptr, i64, ptr) nounwind");
        const descriptor = layoutDescriptorSymbol(e.m, layout);
        const site = allocSiteSymbol(e.m, e.fn, inst.loc);
        e.line(`${v} = call ptr @rt_alloc(ptr ${descriptor}, i64 ${objectSize(layout)}, ptr ${site})`);
        const offsets = fieldOffsets(layout);
        inst.fields.forEach((field, i) => {
          this.store(v, offsets[i]!, e.typed(field), e.m.aliasTags.field(offsets[i]!));
        });
        return;
      }
      case "get_field": {
        const { address, tag } = this.field(inst.object, inst.field);
        e.line(`${v} = load ${llvmType(inst.type)}, ptr ${address}${tag}${this.rangeOf(inst)}`);
        return;
      }
      case "set_field": {
        const { address, tag } = this.field(inst.object, inst.field);
        e.line(`store ${e.typed(inst.value)}, ptr ${address}${tag}`);
        return;
      }
      case "elem_get": {
        const address = this.elementAddress(inst.type, inst.base, inst.index);
        e.line(`${v} = load ${llvmType(inst.type)}, ptr ${address}${e.m.aliasTags.element()}`);
        return;
      }
      case "elem_set": {
        const address = this.elementAddress(inst.value.type, inst.base, inst.index);
        e.line(`store ${e.typed(inst.value)}, ptr ${address}${e.m.aliasTags.element()}`);
        return;
      }
      case "struct_make": {
        const ty = llvmType(inst.type);
        let aggregate = "undef";
        inst.fields.forEach((field, i) => {
          const next = i === inst.fields.length - 1 ? v : e.tmp();
          e.line(`${next} = insertvalue ${ty} ${aggregate}, ${e.typed(field)}, ${i}`);
          aggregate = next;
        });
        if (inst.fields.length === 0) e.alias(inst, "zeroinitializer");
        return;
      }
      case "struct_extract":
        e.line(`${v} = extractvalue ${e.typed(inst.aggregate)}, ${inst.index}`);
        return;
      case "variant_make":
        this.variantMake(inst);
        return;
      case "variant_tag":
        if (isNullableRef(inst.variant.type)) {
          const present = e.tmp();
          e.line(`${present} = icmp ne ptr ${e.value(inst.variant)}, null`);
          e.line(`${v} = zext i1 ${present} to i32`);
        } else {
          e.line(`${v} = extractvalue ${e.typed(inst.variant)}, 0`);
        }
        return;
      case "variant_payload":
        if (isNullableRef(inst.variant.type)) {
          e.alias(inst, e.value(inst.variant));
          return;
        }
        if (!holdsBool(inst.type)) {
          e.line(
            `${v} = load ${llvmType(inst.type)}, ptr ${this.payloadAddress(inst.variant.type, e.typed(inst.variant))}`,
          );
          return;
        }
        {
          const stored = e.tmp();
          const at = this.payloadAddress(inst.variant.type, e.typed(inst.variant));
          e.line(`${stored} = load ${memoryType(inst.type)}, ptr ${at}`);
          e.alias(inst, this.convertBools(stored, inst.type, false));
        }
        return;
      case "func_ref": {
        const code = e.m.functionValueCode(inst.callee, inst.env !== null);
        const pair = e.tmp();
        e.line(`${pair} = insertvalue { ptr, ptr } undef, ptr ${code}, 0`);
        e.line(`${v} = insertvalue { ptr, ptr } ${pair}, ptr ${inst.env === null ? "null" : e.value(inst.env)}, 1`);
        return;
      }
      case "call_indirect": {
        const callee = e.value(inst.callee);
        const code = e.tmp();
        const env = e.tmp();
        e.line(`${code} = extractvalue { ptr, ptr } ${callee}, 0`);
        e.line(`${env} = extractvalue { ptr, ptr } ${callee}, 1`);
        const args = [`ptr ${env}`, ...inst.args.map((a) => e.typed(a))].join(", ");
        const call = `call fastcc ${llvmType(inst.type)} ${code}(${args})`;
        e.line(inst.type === types.void ? call : `${v} = ${call}`);
        // Whatever it calls may raise.
        e.errors.propagateFrom(inst.loc, inst.unwind);
        return;
      }
    }
  }

  /** The address of field `index` of the object, and its alias tag. */
  private field(object: Of<"get_field">["object"], index: number): { address: string; tag: string } {
    const e = this.e;
    if (object.type.kind !== "ref") throw new Error(`a field of ${object.type.text}`);
    const offset = fieldOffsets(object.type.layout)[index]!;
    const at = e.tmp();
    e.line(`${at} = getelementptr inbounds i8, ptr ${e.value(object)}, i64 ${offset}`);
    return { address: at, tag: e.m.aliasTags.field(offset) };
  }

  /** `!range` metadata for a field whose layout bounds its values (a count of elements), else "". */
  private rangeOf(inst: Of<"get_field">): string {
    const object = inst.object.type;
    const range = object.kind === "ref" ? object.layout.fields?.[inst.field]?.range : undefined;
    if (range === undefined || inst.type !== types.i64) return "";
    // LLVM's range is half-open.
    return `, !range !{i64 ${range.lo}, i64 ${range.hi + 1n}}`;
  }

  /** The address of element `index` of a buffer of `type`s at `base`. */
  private elementAddress(type: IrType, base: Of<"elem_get">["base"], index: Of<"elem_get">["index"]): string {
    const e = this.e;
    const at = e.tmp();
    e.line(`${at} = getelementptr inbounds ${llvmType(type)}, ptr ${e.value(base)}, i64 ${e.value(index)}`);
    return at;
  }

  private store(object: string, offset: number, typedValue: string, tag = ""): void {
    const at = this.e.tmp();
    this.e.line(`${at} = getelementptr inbounds i8, ptr ${object}, i64 ${offset}`);
    this.e.line(`store ${typedValue}, ptr ${at}${tag}`);
  }

  private variantMake(inst: Of<"variant_make">): void {
    const e = this.e;
    const type = inst.type;
    if (isNullableRef(type)) {
      e.alias(inst, inst.payload === null ? "null" : e.value(inst.payload));
      return;
    }
    const ty = llvmType(type);
    const slot = e.entryAlloca(ty);
    e.line(`store ${ty} zeroinitializer, ptr ${slot}`);
    e.line(`store i32 ${inst.tag}, ptr ${slot}`);
    if (inst.payload !== null) {
      const payload = this.convertBools(e.value(inst.payload), inst.payload.type, true);
      this.store(slot, payloadOffsetOf(type), `${memoryType(inst.payload.type)} ${payload}`);
    }
    e.line(`${e.name(inst)} = load ${ty}, ptr ${slot}`);
  }

  /**
   * A payload value converted to the form its variant's memory holds (memoryType: bools widened to
   * i8), or back from it; the aggregates around the bools are rebuilt.
   */
  private convertBools(value: string, type: IrType, toMemory: boolean): string {
    if (!holdsBool(type)) return value;
    const e = this.e;
    if (type === types.i1) {
      const converted = e.tmp();
      e.line(toMemory ? `${converted} = zext i1 ${value} to i8` : `${converted} = trunc i8 ${value} to i1`);
      return converted;
    }
    if (type.kind !== "struct") return value;
    const form = (t: IrType) => (toMemory ? memoryType(t) : llvmType(t));
    const formerly = (t: IrType) => (toMemory ? llvmType(t) : memoryType(t));
    let rebuilt = "undef";
    type.fields.forEach((field, i) => {
      const part = e.tmp();
      const next = e.tmp();
      e.line(`${part} = extractvalue ${formerly(type)} ${value}, ${i}`);
      e.line(
        `${next} = insertvalue ${form(type)} ${rebuilt}, ${form(field)} ${this.convertBools(part, field, toMemory)}, ${i}`,
      );
      rebuilt = next;
    });
    return rebuilt;
  }

  /** Stores the variant in a slot and returns the address of its payload. */
  private payloadAddress(type: IrType, typedVariant: string): string {
    const e = this.e;
    const slot = e.entryAlloca(llvmType(type));
    e.line(`store ${typedVariant}, ptr ${slot}`);
    const at = e.tmp();
    e.line(`${at} = getelementptr inbounds i8, ptr ${slot}, i64 ${payloadOffsetOf(type)}`);
    return at;
  }
}

/**
 * A payload's LLVM type in its variant's memory: bools as i8, as C keeps them. Why not i1: LLVM 14's
 * mem2reg, with opaque pointers, promotes a byte stored as i8 and loaded as i1 (what SROA makes of
 * a variant's slot) into a call whose argument has the wrong type, and opt aborts.
 */
function memoryType(type: IrType): string {
  if (type === types.i1) return "i8";
  if (type.kind === "struct") return `{ ${type.fields.map(memoryType).join(", ")} }`;
  return llvmType(type);
}

function holdsBool(type: IrType): boolean {
  return type === types.i1 || (type.kind === "struct" && type.fields.some(holdsBool));
}

function payloadOffsetOf(type: IrType): number {
  if (type.kind !== "variant") throw new Error(`a payload of ${type.text}`);
  return variantLayout(type.cases).payloadOffset;
}
