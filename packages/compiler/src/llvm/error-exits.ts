// The error paths of one function: where control goes when an operation fails. Failing is cheap
// to test and rare, so every failure path is a cold block after the function's body, reached by a
// branch with unlikely weights, and the fast path stays straight-line code.
//
// The protocol with the runtime: a failing operation calls rt_raise_at (kind, message, function,
// file, line), which sets the pending-error byte and starts the traceback at this frame; after a call
// that failed (the byte is set on return), this frame adds itself with rt_traceback_push. A frame's
// file and line are those of the failing instruction's location, never the module's (a module may
// span several files, and passes move code between functions). Then the error either leaves the
// function (the frames of the calls a tail-recursive loop stands for are added, and a dummy value is
// returned; the caller tests the byte) or goes to a handler block of this function, whose `landing`
// takes the exception out of the runtime.

import type { Block, Instruction, RaiseInfo, SourceLoc, Value } from "../ir/ir.js";
import type { FunctionEmitter } from "./function-emitter.js";
import { quoted } from "./llvm-values.js";

/** Branch weights that mark the failure side of a test as cold. */
export const UNLIKELY = "!prof !0";

export class ErrorExits {
  private readonly coldLines: string[] = [];
  /** Cold blocks shared by failures that do the same thing, by what they do. */
  private readonly shared = new Map<string, string>();
  /** Per block whose last instruction has a handler: the block every failure of it goes through. */
  private readonly unwindEdges = new Map<Block, string>();

  constructor(
    private readonly e: FunctionEmitter,
    private readonly elidedFrames: Extract<Instruction, { kind: "elided_frames" }> | null,
    /** Arithmetic only the elided-frame count needs: computed on the error paths, not in the loop. */
    private readonly coldOnly: ReadonlySet<Instruction>,
  ) {}

  /** The cold blocks, emitted after the function's body. */
  code(): string[] {
    return this.coldLines;
  }

  /** Branches to a cold block raising `info` when `condition` holds; continues in a new block. */
  failIf(condition: string, info: RaiseInfo, unwind: Block | null): void {
    const m = this.e.m;
    const key = `raise\0${info.kind}\0${info.message}\0${info.loc.file}\0${info.loc.line}`;
    const fail = this.sharedBlock(key, `raise.${info.loc.line}`, unwind, () => {
      m.declareInternal("rt_raise_at");
      return [
        `  call void @rt_raise_at(ptr ${m.cString(info.kind)}, ptr ${m.cString(info.message)}, ` +
          `ptr ${this.e.displayName}, ${m.frameLocation(info.loc)})`,
      ];
    });
    this.branchToFail(condition, fail);
  }

  /** After a call that can raise: goes the error's way (adding this frame at `loc`) if one is pending. */
  propagateFrom(loc: SourceLoc, unwind: Block | null): void {
    const failed = this.e.pendingTest();
    this.branchToFail(failed, this.unwindLabel(loc, unwind));
  }

  /** After a tail call that can raise: goes the error's way, adding no frame (the callee's stand for this one). */
  propagateWithoutFrame(unwind: Block | null): void {
    const failed = this.e.pendingTest();
    this.branchToFail(
      failed,
      this.sharedBlock("leave", "leave", unwind, () => []),
    );
  }

  /** The cold block giving up a speculative copy's run: the speculation failure goes the error's way. */
  giveUpLabel(unwind: Block | null): string {
    const m = this.e.m;
    return this.sharedBlock("speculation", "give.up", unwind, () => {
      m.declareInternal("rt_raise_speculation_failure");
      return ["  call void @rt_raise_speculation_failure()"];
    });
  }

  /** The cold block that adds this frame at `loc` (its file and line) to the traceback and goes the error's way. */
  unwindLabel(loc: SourceLoc, unwind: Block | null): string {
    const m = this.e.m;
    return this.sharedBlock(`propagate\0${loc.file}\0${loc.line}`, `unwind.${loc.line}`, unwind, () => {
      m.declareInternal("rt_traceback_push");
      return [`  call void @rt_traceback_push(ptr ${this.e.displayName}, ${m.frameLocation(loc)})`];
    });
  }

  /** Adds a cold block of the given lines (its label first). */
  addColdBlock(label: string, lines: readonly string[]): void {
    this.coldLines.push(`${quoted(label)}:`, ...lines);
  }

  /** The lines that leave with the pending error: to the handler, or out of the function. */
  leave(unwind: Block | null): string[] {
    if (unwind !== null) return [`  br label %${quoted(this.unwindEdgeLabel(this.e.currentIrBlock()))}`];
    return [...this.elidedFrameLines(), `  ${this.e.returnZero()}`];
  }

  /**
   * The block every failure of `block`'s last instruction passes on its way to the handler: the
   * predecessor the handler's phis name for that edge. Made on first use.
   */
  unwindEdgeLabel(block: Block): string {
    let label = this.unwindEdges.get(block);
    if (label === undefined) {
      const handler = this.e.handlerOf(block);
      if (handler === null) throw new Error(`block ${block.label} of @${this.e.fn.name} has no handler`);
      label = this.e.newLabel(`${block.label}.unwind`);
      this.unwindEdges.set(block, label);
      this.addColdBlock(label, [`  br label %${quoted(this.e.startLabel(handler))}`]);
    }
    return label;
  }

  /** The edge label of `block` when it unwinds to `target`, else null. */
  unwindEdgeInto(block: Block, target: Block): string | null {
    return this.e.handlerOf(block) === target ? this.unwindEdgeLabel(block) : null;
  }

  branchToFail(condition: string, fail: string): void {
    const block = this.e.currentIrBlock();
    const next = this.e.newLabel(`${block.label}.ok`);
    this.e.line(`br i1 ${condition}, label %${quoted(fail)}, label %${quoted(next)}, ${UNLIKELY}`);
    this.e.startBlockLabel(next);
  }

  /** A cold block doing `what` then leaving the error's way, shared by failures that do the same. */
  private sharedBlock(key: string, hint: string, unwind: Block | null, what: () => string[]): string {
    // Failures into a handler go through their block's unwind edge, so they are shared per block.
    const fullKey = unwind === null ? key : `${key}\0${this.e.currentIrBlock().label}`;
    let label = this.shared.get(fullKey);
    if (label === undefined) {
      label = this.e.newLabel(hint);
      this.shared.set(fullKey, label);
      this.addColdBlock(label, [...what(), ...this.leave(unwind)]);
    }
    return label;
  }

  /** On the way out with an error: the frames of the calls a tail-recursive loop stands for. */
  private elidedFrameLines(): string[] {
    const elided = this.elidedFrames;
    if (elided === null) return [];
    const m = this.e.m;
    m.declareInternal("rt_traceback_push_repeated");
    const lines: string[] = [];
    const materialize = (v: Value): string => {
      if (v.kind !== "ibinary" || !this.coldOnly.has(v)) return this.e.value(v);
      const lhs = materialize(v.lhs);
      const rhs = materialize(v.rhs);
      const t = this.e.tmp();
      lines.push(`  ${t} = ${v.op} i64 ${lhs}, ${rhs}`);
      return t;
    };
    const count = materialize(elided.count);
    lines.push(
      `  call void @rt_traceback_push_repeated(ptr ${this.e.displayName}, ${m.frameLocation(elided.loc)}, i64 ${count})`,
    );
    return lines;
  }
}
