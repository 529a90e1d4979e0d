import { phiCount } from "./cfg.js";
import type {
  Block,
  CompareOp,
  Constant,
  FloatBinaryOp,
  Global,
  Instruction,
  IntBinaryOp,
  IrFunction,
  IrType,
  Module,
  Param,
  PhiIncoming,
  RaiseInfo,
  SourceLoc,
  Terminator,
  Value,
} from "./ir.js";

/** An instruction as the builder is given it: everything but the id and block it assigns. */
type InstructionFields = Instruction extends infer I
  ? I extends Instruction
    ? Omit<I, "id" | "block">
    : never
  : never;

export function createModule(sourceFile: string): Module {
  return { sourceFile, functions: [], globals: [], entry: null };
}

export function addFunction(
  module: Module,
  name: string,
  displayName: string,
  params: readonly { name: string; type: IrType }[],
  returnType: IrType,
): IrFunction {
  if (module.functions.some((f) => f.name === name)) throw new Error(`duplicate function ${name}`);
  const fn: IrFunction = {
    name,
    displayName,
    params: params.map((p, index): Param => ({ kind: "param", type: p.type, name: p.name, index })),
    returnType,
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

export const constants = {
  bool: (value: boolean): Constant => ({ kind: "const", type: "i1", value }),
  int: (value: bigint): Constant => ({ kind: "const", type: "i64", value }),
  float: (value: number): Constant => ({ kind: "const", type: "f64", value }),
  str: (value: string): Constant => ({ kind: "const", type: "str", value }),
  unit: (): Constant => ({ kind: "const", type: "unit", value: null }),
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

  constructor(readonly fn: IrFunction) {
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

  ibinary(op: IntBinaryOp, lhs: Value, rhs: Value, raise: RaiseInfo | null): Value {
    return this.add({ kind: "ibinary", type: "i64", op, lhs, rhs, raise });
  }

  fbinary(op: FloatBinaryOp, lhs: Value, rhs: Value, raise: RaiseInfo | null): Value {
    return this.add({ kind: "fbinary", type: "f64", op, lhs, rhs, raise });
  }

  ineg(operand: Value, raise: RaiseInfo | null): Value {
    return this.add({ kind: "ineg", type: "i64", operand, raise });
  }

  fneg(operand: Value): Value {
    return this.add({ kind: "fneg", type: "f64", operand });
  }

  not(operand: Value): Value {
    return this.add({ kind: "not", type: "i1", operand });
  }

  icmp(op: CompareOp, lhs: Value, rhs: Value): Value {
    return this.add({ kind: "icmp", type: "i1", op, lhs, rhs });
  }

  fcmp(op: CompareOp, lhs: Value, rhs: Value): Value {
    return this.add({ kind: "fcmp", type: "i1", op, lhs, rhs });
  }

  tofloat(operand: Value): Value {
    return this.add({ kind: "tofloat", type: "f64", operand });
  }

  toint(operand: Value, raise: RaiseInfo): Value {
    return this.add({ kind: "toint", type: "i64", operand, raise });
  }

  zext(operand: Value): Value {
    return this.add({ kind: "zext", type: "i64", operand });
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

  call(callee: IrFunction, args: Value[], loc: SourceLoc): Value {
    return this.add({ kind: "call", type: callee.returnType, callee, args, loc });
  }

  runtime(name: string, type: IrType, args: Value[], loc: SourceLoc | null): Value {
    return this.add({ kind: "runtime", type, name, args, loc });
  }

  loadGlobal(global: Global): Value {
    return this.add({ kind: "load_global", type: global.type, global });
  }

  storeGlobal(global: Global, value: Value): void {
    this.add({ kind: "store_global", type: "void", global, value });
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

  raise(info: RaiseInfo): void {
    this.terminate({ kind: "raise", info });
  }
}
