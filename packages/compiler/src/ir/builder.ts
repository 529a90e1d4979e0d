import { phiCount } from "./cfg.js";
import { fitsImmediate } from "./constant-eval.js";
import type {
  Block,
  CompareOp,
  Constant,
  ConvertOp,
  External,
  FloatBinaryOp,
  Global,
  Instruction,
  IntBinaryOp,
  IrFunction,
  Layout,
  Module,
  Param,
  PhiIncoming,
  RaiseInfo,
  SourceLoc,
  TaggedBinaryOp,
  Terminator,
  Unwind,
  Value,
} from "./ir.js";
import { runtimeLayouts } from "./layouts.js";
import { type IrType, refType, types } from "./types.js";

/** An instruction as the builder is given it: everything but the id and block it assigns. */
export type InstructionFields = Instruction extends infer I
  ? I extends Instruction
    ? Omit<I, "id" | "block">
    : never
  : never;

export function createModule(sourceFile: string): Module {
  return { sourceFile, layouts: [], externals: [], functions: [], globals: [], entry: null };
}

export function addFunction(
  module: Module,
  name: string,
  displayName: string,
  params: readonly { name: string; type: IrType }[],
  returnType: IrType,
  options: { readonly sourceFile?: string } = {},
): IrFunction {
  if (module.functions.some((f) => f.name === name)) throw new Error(`duplicate function ${name}`);
  const fn: IrFunction = {
    name,
    displayName,
    sourceFile: options.sourceFile ?? module.sourceFile,
    params: params.map((p, index): Param => ({ kind: "param", type: p.type, name: p.name, index })),
    returnType,
    linkage: "internal",
    blocks: [],
    nextId: 0,
  };
  module.functions.push(fn);
  return fn;
}

export function addGlobal(module: Module, name: string, initial: Constant): Global {
  const global: Global = { name, type: initial.type, initial };
  module.globals.push(global);
  return global;
}

/**
 * Declares `external` in the module, once: calling it again with the same declaration (the same
 * object, or an equal one) returns the declared one; a different declaration of the name throws.
 */
export function declareExternal(module: Module, external: External): External {
  const declared = module.externals.find((e) => e.name === external.name);
  if (declared === undefined) {
    module.externals.push(external);
    return external;
  }
  if (declared !== external && !sameDeclaration(declared, external)) {
    throw new Error(`external @${external.name} is declared twice with different signatures`);
  }
  return declared;
}

function sameDeclaration(a: External, b: External): boolean {
  return (
    a.result === b.result &&
    a.params.length === b.params.length &&
    a.params.every((p, i) => p === b.params[i] && a.argumentOwnership[i] === b.argumentOwnership[i]) &&
    a.canFail === b.canFail &&
    a.memory === b.memory &&
    a.noReturn === b.noReturn &&
    a.resultOwnership === b.resultOwnership &&
    a.checksLibm === b.checksLibm
  );
}

/** The type of string objects: references to the runtime's string layout. */
export const strType = refType(runtimeLayouts.str);

export const constants = {
  bool: (value: boolean): Constant => ({ kind: "const", type: types.i1, value }),
  int: (value: bigint, type: IrType = types.i64): Constant => ({ kind: "const", type, value }),
  float: (value: number, type: IrType = types.f64): Constant => ({ kind: "const", type, value }),
  str: (value: string): Constant => ({ kind: "const", type: strType, value }),
  unit: (): Constant => ({ kind: "const", type: types.unit, value: null }),
  /**
   * The empty case of a nullable reference (`variant{unit | ref L}`); a null `ptr`; for another
   * struct, variant or function value, all zero bytes, a placeholder never read as a value (see the
   * validator).
   */
  none: (type: IrType): Constant => ({ kind: "const", type, value: null }),
  /** The tagged word of an immediate integer (the integer doubled); it must fit (fitsImmediate). */
  immediate: (value: bigint): Constant => {
    if (!fitsImmediate(value)) throw new Error(`internal: ${value} does not fit a tagged immediate`);
    return { kind: "const", type: types.tagged, value: value * 2n };
  },
};

/**
 * A new instruction of `fn` in `block`, numbered with the function's next id. The caller puts it in
 * the block's list: passes insert where the builder only appends.
 */
export function newInstruction<F extends InstructionFields>(
  fn: IrFunction,
  block: Block,
  fields: F,
): Extract<Instruction, { kind: F["kind"] }> {
  return { ...fields, id: fn.nextId++, block } as unknown as Extract<Instruction, { kind: F["kind"] }>;
}

/** Appends instructions at the end of a current block, as front ends lower code top to bottom. */
export class IrBuilder {
  private current: Block | null = null;
  /** Labels in use, and how far each hint's numbering has got, so a new label costs O(1). */
  private readonly labels: Set<string>;
  private readonly labelCounts = new Map<string, number>();

  /** With the module, `callExtern` declares the externals it calls. */
  constructor(
    readonly fn: IrFunction,
    readonly module: Module | null = null,
  ) {
    this.labels = new Set(fn.blocks.map((b) => b.label));
  }

  /** Creates a block (not yet positioned at); labels are made unique within the function. */
  createBlock(hint: string): Block {
    let label = hint;
    for (let n = this.labelCounts.get(hint) ?? 0; this.labels.has(label); n++) {
      label = `${hint}.${n + 1}`;
      this.labelCounts.set(hint, n + 1);
    }
    this.labels.add(label);
    const block: Block = { label, function: this.fn, instructions: [], terminator: null };
    this.fn.blocks.push(block);
    return block;
  }

  positionAt(block: Block): void {
    this.current = block;
  }

  get block(): Block {
    if (this.current === null) throw new Error("builder is not positioned at a block");
    return this.current;
  }

  /** True when the current block already ends (code after a return or raise is unreachable). */
  get isTerminated(): boolean {
    return this.current === null || this.current.terminator !== null;
  }

  private add(fields: InstructionFields): Instruction {
    const block = this.block;
    if (block.terminator !== null) throw new Error(`block ${block.label} is already terminated`);
    const instruction = newInstruction(this.fn, block, fields);
    block.instructions.push(instruction);
    return instruction;
  }

  ibinary(op: IntBinaryOp, lhs: Value, rhs: Value, raise: RaiseInfo | null, unwind: Unwind = null): Value {
    return this.add({ kind: "ibinary", type: lhs.type, op, lhs, rhs, raise, unwind });
  }

  /** Tagged-integer arithmetic: inline on immediates, else `fallback`; a `loc` when it can fail. */
  tbinary(
    op: TaggedBinaryOp,
    lhs: Value,
    rhs: Value,
    fallback: External,
    loc: SourceLoc | null,
    unwind: Unwind = null,
  ): Value {
    const declared = this.declared(fallback);
    return this.add({ kind: "tbinary", type: types.tagged, op, lhs, rhs, fallback: declared, loc, unwind });
  }

  tcmp(op: CompareOp, lhs: Value, rhs: Value, fallback: External): Value {
    return this.add({ kind: "tcmp", type: types.i1, op, lhs, rhs, fallback: this.declared(fallback) });
  }

  tbox(operand: Value, fallback: External): Value {
    return this.add({ kind: "tbox", type: types.tagged, operand, fallback: this.declared(fallback), unwind: null });
  }

  tunbox(operand: Value, fallback: External, loc: SourceLoc | null, unwind: Unwind = null): Value {
    const declared = this.declared(fallback);
    return this.add({ kind: "tunbox", type: types.i64, operand, fallback: declared, loc, unwind });
  }

  /** The module's declaration of an external this function uses (declared on first use). */
  private declared(f: External): External {
    return this.module === null ? f : declareExternal(this.module, f);
  }

  fbinary(op: FloatBinaryOp, lhs: Value, rhs: Value, raise: RaiseInfo | null, unwind: Unwind = null): Value {
    return this.add({ kind: "fbinary", type: lhs.type, op, lhs, rhs, raise, unwind });
  }

  ineg(operand: Value, raise: RaiseInfo | null, unwind: Unwind = null): Value {
    return this.add({ kind: "ineg", type: operand.type, operand, raise, unwind });
  }

  fneg(operand: Value): Value {
    return this.add({ kind: "fneg", type: operand.type, operand });
  }

  not(operand: Value): Value {
    return this.add({ kind: "not", type: operand.type, operand });
  }

  icmp(op: CompareOp, lhs: Value, rhs: Value): Value {
    return this.add({ kind: "icmp", type: types.i1, op, lhs, rhs });
  }

  fcmp(op: CompareOp, lhs: Value, rhs: Value): Value {
    return this.add({ kind: "fcmp", type: types.i1, op, lhs, rhs });
  }

  convert(op: ConvertOp, operand: Value, type: IrType): Value {
    return this.add({ kind: "convert", type, op, operand });
  }

  /** An integer (a boolean unsigned) to f64. */
  tofloat(operand: Value): Value {
    return this.convert(operand.type === types.i1 ? "uitofp" : "sitofp", operand, types.f64);
  }

  /** A boolean to i64 (0 or 1). */
  zext(operand: Value, type: IrType = types.i64): Value {
    return this.convert("zext", operand, type);
  }

  toint(operand: Value, raise: RaiseInfo, unwind: Unwind = null): Value {
    return this.add({ kind: "toint", type: types.i64, operand, raise, unwind });
  }

  select(condition: Value, ifTrue: Value, ifFalse: Value): Value {
    return this.add({ kind: "select", type: ifTrue.type, condition, ifTrue, ifFalse });
  }

  phi(type: IrType, incoming: PhiIncoming[]): Instruction {
    // Phis go before the block's other instructions.
    const block = this.block;
    const phi = newInstruction(this.fn, block, { kind: "phi", type, incoming });
    block.instructions.splice(phiCount(block), 0, phi);
    return phi;
  }

  /** A call of a function of this module; a `tail` one adds no frame to an error's traceback. */
  call(callee: IrFunction, args: Value[], loc: SourceLoc, unwind: Unwind = null, tail = false): Value {
    return this.add({ kind: "call", type: callee.returnType, callee, args, loc, ...(tail ? { tail } : {}), unwind });
  }

  /** A call of an external function, declared by the module (by this builder when it has the module). */
  callExtern(callee: External, args: Value[], loc: SourceLoc | null, unwind: Unwind = null): Value {
    return this.add({ kind: "call_extern", type: callee.result, callee: this.declared(callee), args, loc, unwind });
  }

  callIndirect(callee: Value, args: Value[], loc: SourceLoc, unwind: Unwind = null): Value {
    if (callee.type.kind !== "fn") throw new Error(`call of a value of type ${callee.type.text}`);
    return this.add({ kind: "call_indirect", type: callee.type.result, callee, args, loc, unwind });
  }

  funcRef(type: IrType, callee: IrFunction, env: Value | null): Value {
    return this.add({ kind: "func_ref", type, callee, env });
  }

  loadGlobal(global: Global): Value {
    return this.add({ kind: "load_global", type: global.type, global });
  }

  storeGlobal(global: Global, value: Value): void {
    this.add({ kind: "store_global", type: types.void, global, value });
  }

  alloc(layout: Layout, fields: Value[], loc: SourceLoc): Value {
    return this.add({ kind: "alloc", type: refType(layout), fields, loc });
  }

  getField(object: Value, field: number): Value {
    const layout = object.type.kind === "ref" ? object.type.layout : null;
    const type = layout?.fields?.[field]?.type;
    if (type === undefined) throw new Error(`no field ${field} in ${object.type.text}`);
    return this.add({ kind: "get_field", type, object, field });
  }

  setField(object: Value, field: number, value: Value): void {
    this.add({ kind: "set_field", type: types.void, object, field, value });
  }

  /** Element `index` of the buffer at `base`, of type `type` (see the `elem_get` instruction). */
  elemGet(type: IrType, base: Value, index: Value): Value {
    return this.add({ kind: "elem_get", type, base, index });
  }

  elemSet(base: Value, index: Value, value: Value, fresh = false): void {
    this.add({ kind: "elem_set", type: types.void, base, index, value, fresh });
  }

  structMake(type: IrType, fields: Value[]): Value {
    return this.add({ kind: "struct_make", type, fields });
  }

  structExtract(aggregate: Value, index: number): Value {
    const type = aggregate.type.kind === "struct" ? aggregate.type.fields[index] : undefined;
    if (type === undefined) throw new Error(`no field ${index} in ${aggregate.type.text}`);
    return this.add({ kind: "struct_extract", type, aggregate, index });
  }

  variantMake(type: IrType, tag: number, payload: Value | null): Value {
    return this.add({ kind: "variant_make", type, tag, payload });
  }

  variantTag(variant: Value): Value {
    return this.add({ kind: "variant_tag", type: types.i32, variant });
  }

  variantPayload(variant: Value, tag: number): Value {
    const type = variant.type.kind === "variant" ? variant.type.cases[tag] : undefined;
    if (type === undefined) throw new Error(`no case ${tag} in ${variant.type.text}`);
    return this.add({ kind: "variant_payload", type, variant, tag });
  }

  /** The exception a handler block handles: its first instruction after the phis. */
  /** Keeps the reference `value` may hold alive until here (a variable's scope ending). */
  keepAlive(value: Value): void {
    this.add({ kind: "keep_alive", type: types.void, value });
  }

  /** A stack slot of `bytes` bytes, made at the start of the entry block whatever block is being built. */
  stackSlot(bytes: number): Value {
    const entry = this.fn.blocks[0]!;
    const slot = newInstruction(this.fn, entry, { kind: "stack_slot", type: types.ptr, bytes });
    entry.instructions.unshift(slot);
    return slot;
  }

  landing(): Value {
    return this.add({ kind: "landing", type: refType(runtimeLayouts.exception) });
  }

  terminate(terminator: Terminator): void {
    const block = this.block;
    if (block.terminator !== null) throw new Error(`block ${block.label} is already terminated`);
    block.terminator = terminator;
  }

  br(target: Block): void {
    this.terminate({ kind: "br", target });
  }

  condbr(condition: Value, ifTrue: Block, ifFalse: Block): void {
    this.terminate({ kind: "condbr", condition, ifTrue, ifFalse });
  }

  ret(value: Value | null): void {
    this.terminate({ kind: "ret", value });
  }

  raise(info: RaiseInfo, unwind: Unwind = null): void {
    this.terminate({ kind: "raise", info, unwind });
  }

  throw(exception: Value, loc: SourceLoc, unwind: Unwind = null): void {
    this.terminate({ kind: "throw", exception, loc, unwind });
  }

  resume(exception: Value, unwind: Unwind = null): void {
    this.terminate({ kind: "resume", exception, unwind });
  }
}
