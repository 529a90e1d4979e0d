// One IR function to LLVM IR text: its blocks, terminators and calls, with the plumbing the other
// emitters share (fresh names and labels, operand spelling). Arithmetic is arithmetic.ts's, error
// paths error-exits.ts's, tagged integers tagged-integers.ts's, reference counts reference-counts.ts's, objects and aggregates heap.ts's.
//
// An IR block may become several LLVM blocks (each failure test ends one), so a phi names the LLVM
// block its predecessor ended in, or the unwind edge for a handler's phis.

import { successors } from "../ir/cfg.js";
import { unwindOf } from "../ir/instructions.js";
import type { Block, External, Instruction, IrFunction, RaiseInfo, SourceLoc, Terminator, Value } from "../ir/ir.js";
import { types } from "../ir/types.js";
import { useCounts } from "../ir/uses.js";
import { ArithmeticEmitter } from "./arithmetic.js";
import type { ModuleEmitter } from "./emit-llvm.js";
import { ErrorExits } from "./error-exits.js";
import { HeapEmitter } from "./heap.js";
import { llvmType, quoted, zeroValue } from "./llvm-values.js";
import { emitReferenceCount } from "./reference-counts.js";
import { TaggedIntegerEmitter } from "./tagged-integers.js";

type Line = string | (() => string);

/** Internal functions use LLVM's fast convention; exported ones C's, so other modules and C can call them. */
export function callingConvention(fn: IrFunction): string {
  return fn.linkage === "internal" ? "fastcc " : "";
}

export class FunctionEmitter {
  private readonly lines: Line[] = [];
  /** Stack slots, placed at the function's start, where LLVM promotes them to registers. */
  private readonly allocas: string[] = [];
  private readonly labels = new Set<string>();
  /** How far each base label's numbering has got, so a fresh label costs O(1). */
  private readonly labelCounts = new Map<string, number>();
  private readonly startLabels = new Map<Block, string>();
  private readonly exitLabels = new Map<Block, string>();
  /** Instructions whose value is another operand (e.g. `x ** 1`). */
  private readonly aliases = new Map<Instruction, string>();
  private temp = 0;
  private currentLabel = "";
  private currentBlock: Block | null = null;
  private readonly returnType: string;
  readonly displayName: string;
  readonly errors: ErrorExits;
  private readonly arithmetic = new ArithmeticEmitter(this);
  private readonly heap = new HeapEmitter(this);
  private readonly tagged = new TaggedIntegerEmitter(this);
  /** Arithmetic only the elided-frame count needs: computed on the error paths, not in the loop. */
  private readonly coldOnly: ReadonlySet<Instruction>;

  constructor(
    readonly m: ModuleEmitter,
    readonly fn: IrFunction,
  ) {
    this.returnType = llvmType(fn.returnType);
    this.displayName = m.cString(fn.displayName);
    const elided = fn.blocks.flatMap((b) => b.instructions).find((inst) => inst.kind === "elided_frames") ?? null;
    this.coldOnly =
      elided === null || elided.kind !== "elided_frames" ? new Set() : coldOnlyArithmetic(fn, elided.count);
    this.errors = new ErrorExits(this, elided?.kind === "elided_frames" ? elided : null, this.coldOnly);
    for (const block of fn.blocks) {
      this.labels.add(block.label);
      this.startLabels.set(block, block.label);
    }
  }

  emit(): string[] {
    const fn = this.fn;
    if (fn.blocks.length === 0) throw new Error(`function @${fn.name} has no blocks`);
    const params = fn.params.map((p) => `${llvmType(p.type)} %p${p.index}`).join(", ");
    const linkage = fn.linkage === "internal" ? "internal " : "";
    const attributes = this.m.alwaysInlined.has(fn) ? "nounwind alwaysinline" : "nounwind";
    const header = `define ${linkage}${callingConvention(fn)}${this.returnType} ${this.m.functionName(fn)}(${params}) ${attributes} {`;
    const first = fn.blocks[0]!;
    const firstIsTarget = fn.blocks.some((b) => successors(b).includes(first));
    // Calls happen on normal paths only, so no error is pending when a function starts. Telling LLVM
    // lets it drop, once it has inlined a callee, the caller's check after the callee's normal return.
    const assumeClear = this.m.raising.has(fn);
    // A parameter proved an immediate (range analysis) is one to LLVM too: its tag tests go.
    const immediates = fn.params.filter((p) => p.immediate === true);
    if (firstIsTarget || assumeClear || immediates.length > 0) {
      this.startBlockLabel(this.newLabel("entry"));
      if (assumeClear || immediates.length > 0) this.m.declareIntrinsic("declare void @llvm.assume(i1 noundef)");
      if (assumeClear) {
        this.line("%pending.at.entry = load i8, ptr @rt_error_pending");
        this.line("%clear.at.entry = icmp eq i8 %pending.at.entry, 0");
        this.line("call void @llvm.assume(i1 %clear.at.entry)");
      }
      for (const p of immediates) {
        this.line(`%p${p.index}.low = and i64 %p${p.index}, 1`);
        this.line(`%p${p.index}.even = icmp eq i64 %p${p.index}.low, 0`);
        this.line(`call void @llvm.assume(i1 %p${p.index}.even)`);
      }
      this.line(`br label %${quoted(this.startLabel(first))}`);
    }
    for (const block of fn.blocks) this.emitBlock(block);
    // The first line is the first block's label, which nothing branches back to.
    this.lines.splice(1, 0, ...this.allocas);
    const resolved = this.lines.map((l) => (typeof l === "string" ? l : l()));
    return [`; ${fn.displayName}`, header, ...resolved, ...this.errors.code(), "}"];
  }

  // ---- plumbing shared with the other emitters

  line(text: string): void {
    this.lines.push(`  ${text}`);
  }

  startBlockLabel(label: string): void {
    this.lines.push(`${quoted(label)}:`);
    this.currentLabel = label;
  }

  /** The LLVM block being written to. */
  get label(): string {
    return this.currentLabel;
  }

  newLabel(base: string): string {
    let label = base;
    for (let n = this.labelCounts.get(base) ?? 0; this.labels.has(label); ) {
      n++;
      label = `${base}.${n}`;
      this.labelCounts.set(base, n);
    }
    this.labels.add(label);
    return label;
  }

  tmp(): string {
    return `%t${this.temp++}`;
  }

  value(v: Value): string {
    switch (v.kind) {
      case "const":
        return this.m.constant(v);
      case "param":
        return `%p${v.index}`;
      default:
        return this.aliases.get(v) ?? `%v${v.id}`;
    }
  }

  typed(v: Value): string {
    return `${llvmType(v.type)} ${this.value(v)}`;
  }

  name(inst: Instruction): string {
    return `%v${inst.id}`;
  }

  /** Makes the instruction's value another operand's (an operation that computes nothing: `x ** 1`). */
  alias(inst: Instruction, value: string): void {
    this.aliases.set(inst, value);
  }

  /** A stack slot of the LLVM type, made at the function's start. */
  entryAlloca(type: string): string {
    const slot = `%slot${this.allocas.length}`;
    this.allocas.push(`  ${slot} = alloca ${type}`);
    return slot;
  }

  returnZero(): string {
    return this.returnType === "void" ? "ret void" : `ret ${this.returnType} ${zeroValue(this.fn.returnType)}`;
  }

  /** Loads the pending-error byte and tests it: the name of the i1 that is true when an error is pending. */
  pendingTest(): string {
    const pending = this.tmp();
    const failed = this.tmp();
    this.line(`${pending} = load i8, ptr @rt_error_pending`);
    this.line(`${failed} = icmp ne i8 ${pending}, 0`);
    return failed;
  }

  /** Branches to a cold block raising `info` when `condition` holds, the instruction's way. */
  failIf(condition: string, info: RaiseInfo, inst: Instruction): void {
    this.errors.failIf(condition, info, unwindOf(inst));
  }

  currentIrBlock(): Block {
    if (this.currentBlock === null) throw new Error(`@${this.fn.name}: no block is being emitted`);
    return this.currentBlock;
  }

  startLabel(block: Block): string {
    return this.startLabels.get(block)!;
  }

  /** The handler `block`'s last instruction unwinds to, if any. */
  handlerOf(block: Block): Block | null {
    const last = block.instructions[block.instructions.length - 1];
    return last === undefined ? null : unwindOf(last);
  }

  // ---- blocks

  private emitBlock(block: Block): void {
    this.currentBlock = block;
    this.startBlockLabel(this.startLabel(block));
    for (const inst of block.instructions) this.emitInstruction(inst);
    if (block.terminator === null) throw new Error(`block ${block.label} of @${this.fn.name} has no terminator`);
    this.exitLabels.set(block, this.currentLabel);
    this.emitTerminator(block.terminator);
  }

  private emitTerminator(t: Terminator): void {
    switch (t.kind) {
      case "br":
        this.line(`br label %${quoted(this.startLabel(t.target))}`);
        return;
      case "condbr":
        this.line(
          `br i1 ${this.value(t.condition)}, label %${quoted(this.startLabel(t.ifTrue))}, ` +
            `label %${quoted(this.startLabel(t.ifFalse))}`,
        );
        return;
      case "ret":
        if (this.fn.returnType === types.void) this.line("ret void");
        else if (t.value === null) this.line(this.returnZero());
        else this.line(`ret ${this.typed(t.value)}`);
        return;
      case "raise": {
        const m = this.m;
        m.declareInternal("rt_raise_at");
        this.line(
          `call void @rt_raise_at(ptr ${m.cString(t.info.kind)}, ptr ${m.cString(t.info.message)}, ` +
            `ptr ${this.displayName}, ${m.frameLocation(t.info.loc)})`,
        );
        this.leave(t.unwind);
        return;
      }
      case "throw":
        // The exception becomes the pending error, and this frame the first of its traceback.
        this.m.declareInternal("rt_exception_raise");
        this.m.declareInternal("rt_traceback_push");
        this.line(`call void @rt_exception_raise(${this.typed(t.exception)})`);
        this.line(`call void @rt_traceback_push(ptr ${this.displayName}, ${this.m.frameLocation(t.loc)})`);
        this.leave(t.unwind);
        return;
      case "resume":
        // A clean-up's end: the frame was added where the error happened.
        this.m.declareInternal("rt_exception_raise");
        this.line(`call void @rt_exception_raise(${this.typed(t.exception)})`);
        this.leave(t.unwind);
        return;
      case "exit":
        this.m.declareInternal("rt_exit");
        this.line(`call void @rt_exit(${this.typed(t.status)})`);
        this.line("unreachable");
        return;
      case "unreachable":
        this.line("unreachable");
        return;
    }
  }

  /** Ends the current block leaving with the pending error, to the handler or out of the function. */
  private leave(unwind: Block | null): void {
    for (const line of this.errors.leave(unwind)) this.lines.push(line);
  }

  // ---- instructions

  private emitInstruction(inst: Instruction): void {
    if (this.coldOnly.has(inst)) return;
    const v = this.name(inst);
    switch (inst.kind) {
      case "ibinary":
      case "fbinary":
      case "ineg":
      case "fneg":
      case "not":
      case "icmp":
      case "fcmp":
      case "convert":
      case "toint":
        this.arithmetic.emit(inst);
        return;
      case "tbinary":
      case "tcmp":
      case "tbox":
      case "tunbox":
        this.tagged.emit(inst);
        return;
      case "select":
        this.line(
          `${v} = select i1 ${this.value(inst.condition)}, ${this.typed(inst.ifTrue)}, ${this.typed(inst.ifFalse)}`,
        );
        return;
      case "phi": {
        const type = llvmType(inst.type);
        const { incoming, block } = inst;
        // Resolved at the end: a predecessor's last LLVM block is known once it has been emitted.
        this.lines.push(
          () =>
            `  ${v} = phi ${type} ${incoming
              .map((i) => `[ ${this.value(i.value)}, %${quoted(this.predecessorLabel(i.block, block))} ]`)
              .join(", ")}`,
        );
        return;
      }
      case "call": {
        const args = inst.args.map((a) => this.typed(a)).join(", ");
        const call = `call ${callingConvention(inst.callee)}${llvmType(inst.type)} ${this.m.functionName(inst.callee)}(${args})`;
        this.line(inst.type === types.void ? call : `${v} = ${call}`);
        if (!this.m.raising.has(inst.callee)) return;
        if (inst.tail === true) this.errors.propagateWithoutFrame(inst.unwind);
        else this.errors.propagateFrom(inst.loc, inst.unwind);
        return;
      }
      case "call_extern":
        this.emitExternalCall(inst);
        return;
      case "retain":
      case "release":
        emitReferenceCount(this, inst.kind, inst.value);
        return;
      case "keep_alive":
        return;
      case "stack_slot":
        this.line(`${v} = alloca i8, i64 ${inst.bytes}, align 16`);
        return;
      case "landing":
        this.m.declareInternal("rt_exception_catch");
        this.line(`${v} = call ptr @rt_exception_catch()`);
        return;
      case "call_indirect":
      case "func_ref":
      case "alloc":
      case "get_field":
      case "set_field":
      case "elem_get":
      case "elem_set":
      case "struct_make":
      case "struct_extract":
      case "variant_make":
      case "variant_tag":
      case "variant_payload":
        this.heap.emit(inst);
        return;
      case "load_global":
        this.line(`${v} = load ${llvmType(inst.type)}, ptr ${this.m.globalName(inst.global)}`);
        return;
      case "store_global":
        this.line(`store ${this.typed(inst.value)}, ptr ${this.m.globalName(inst.global)}`);
        return;
      case "elided_frames":
        // Read by the blocks that leave on an error (ErrorExits), which its block dominates.
        return;
    }
  }

  /** The LLVM block a phi of `block` names for its IR predecessor `from`. */
  private predecessorLabel(from: Block, block: Block): string {
    const edge = this.errors.unwindEdgeInto(from, block);
    if (edge !== null) return edge;
    const label = this.exitLabels.get(from);
    if (label === undefined) throw new Error(`phi names block ${from.label}, which is not in @${this.fn.name}`);
    return label;
  }

  private emitExternalCall(inst: Extract<Instruction, { kind: "call_extern" }>): void {
    const f = inst.callee;
    if (f.checksLibm !== null && inst.loc !== null) {
      this.emitCheckedLibmCall(inst, f, f.checksLibm, inst.loc);
      return;
    }
    this.m.declareExternal(f);
    this.line(this.callText(inst, f));
    if (f.canFail) this.errors.propagateFrom(inst.loc!, inst.unwind);
  }

  /** `%v = call T @f(args)`, booleans passed zero-extended as C's `bool` wants them. */
  callText(inst: Instruction & { args: Value[] }, f: External): string {
    const args = inst.args.map((a) => (a.type === types.i1 ? `i1 zeroext ${this.value(a)}` : this.typed(a))).join(", ");
    const call = `call ${llvmType(f.result)} @${f.symbol ?? f.name}(${args})`;
    return f.result === types.void ? call : `${this.name(inst)} = ${call}`;
  }

  /**
   * A checked math function as its C library function plus a check inline: a finite result is
   * always right, so the fast path tests only that, with no call into the runtime and no
   * pending-error load. Otherwise the runtime function decides (NaN from a number, infinity from a
   * finite argument) and raises with its message; its result is the library's, so the code goes on
   * with it when nothing was raised.
   */
  private emitCheckedLibmCall(
    inst: Extract<Instruction, { kind: "call_extern" }>,
    f: External,
    libm: string,
    loc: SourceLoc,
  ): void {
    this.m.declareIntrinsic(`declare double @${libm}(double) nounwind`);
    this.m.declareIntrinsic("declare double @llvm.fabs.f64(double)");
    this.m.declareExternal(f);
    const x = this.value(inst.args[0]!);
    const r = this.name(inst);
    const magnitude = this.tmp();
    const notFinite = this.tmp();
    this.line(`${r} = call double @${libm}(double ${x})`);
    this.line(`${magnitude} = call double @llvm.fabs.f64(double ${r})`);
    this.line(`${notFinite} = fcmp uge double ${magnitude}, 0x7FF0000000000000`);
    const slow = this.newLabel(`${libm}.not.finite`);
    this.errors.branchToFail(notFinite, slow);
    const next = this.currentLabel;
    const pending = this.tmp();
    const failed = this.tmp();
    this.errors.addColdBlock(slow, [
      `  call double @${f.name}(double ${x})`,
      `  ${pending} = load i8, ptr @rt_error_pending`,
      `  ${failed} = icmp ne i8 ${pending}, 0`,
      `  br i1 ${failed}, label %${quoted(this.errors.unwindLabel(loc, inst.unwind))}, label %${quoted(next)}`,
    ]);
  }
}

/** The wrapping integer arithmetic whose only use, directly or through each other, is `root` here. */
function coldOnlyArithmetic(fn: IrFunction, root: Value): Set<Instruction> {
  const simple = new Set(["add", "sub", "mul", "udiv", "urem", "and", "or", "xor"]);
  const uses = useCounts(fn);
  const cold = new Set<Instruction>();
  const visit = (v: Value): void => {
    if (v.kind !== "ibinary" || v.raise !== null || !simple.has(v.op) || uses.get(v) !== 1) return;
    cold.add(v);
    visit(v.lhs);
    visit(v.rhs);
  };
  visit(root);
  return cold;
}
