// The state of lowering one function instance: its IR function and builder, the SSA variables of
// its locals, the loops that `break` and `continue` leave, and the helpers every concern uses to
// branch (recording edges for SSA construction), to name source locations and to panic.

import {
  type Block,
  constants,
  holdsReferences,
  IrBuilder,
  type IrFunction,
  type Module,
  type RaiseInfo,
  type SourceLoc,
  SsaVariables,
  sizeOf,
  strType,
  types,
  type Value,
} from "@toolchain/compiler";
import type { LocalSymbol } from "../checker/symbols.js";
import type { FunctionInstance, TypedBody, TypedProgram } from "../checker/typed-program.js";
import type { LumaType } from "../checker/types.js";
import type { SourceText } from "../source-text.js";
import type { IrTypes } from "./types.js";

/** The program-wide state: the module and each instance's IR function. */
export interface ProgramLowering {
  readonly program: TypedProgram;
  readonly module: Module;
  readonly functions: ReadonlyMap<FunctionInstance, IrFunction>;
  readonly irTypes: IrTypes;
  /** Integer `+ - *` and `-x` panic on overflow (a debug build), else wrap. */
  readonly checksOverflow: boolean;
}

interface Loop {
  readonly continueTarget: Block;
  readonly breakTarget: Block;
  /** How many scopes were open when the loop started: `break` and `continue` leave the others. */
  readonly scopeDepth: number;
}

/** A variable key: a local of the program, or a hidden one of lowering (a `for` loop's counter). */
export type VariableKey =
  | LocalSymbol
  | { readonly hidden: string; readonly type: import("@toolchain/compiler").IrType };

export class FunctionLowering {
  readonly builder: IrBuilder;
  readonly variables: SsaVariables<VariableKey>;
  private readonly loops: Loop[] = [];
  /**
   * The open blocks' variables whose objects a weak reference could observe going (ProgramLowering
   * keepsToScopeEnd): each keeps its value alive to the end of its block, as the language promises,
   * rather than to its last use, which is when reference counting would otherwise free it.
   */
  private readonly scopes: LocalSymbol[][] = [];

  /**
   * The function's result type: its instance's, or a closure's own. A closure lowered as a function
   * of its own reads its captured variables from its environment, the function's first parameter
   * (`captures` gives each one's field there).
   */
  constructor(
    readonly program: ProgramLowering,
    readonly instance: FunctionInstance,
    readonly fn: IrFunction,
    readonly body: TypedBody,
    readonly source: SourceText,
    readonly result: LumaType = instance.result,
    private readonly captures: ReadonlyMap<LocalSymbol, number> = new Map(),
  ) {
    this.builder = new IrBuilder(fn, program.module);
    this.variables = new SsaVariables<VariableKey>(
      this.builder,
      (v) => ("hidden" in v ? v.type : program.irTypes.of(v.type, v.declaration)),
      (v) => zeroOf("hidden" in v ? v.type : program.irTypes.of(v.type, v.declaration)),
    );
  }

  /** The IR type of a LumaScript type (`at`: where a type not lowered yet is reported). */
  irType(type: LumaType, at: { start: number; end: number }): import("@toolchain/compiler").IrType {
    return this.program.irTypes.of(type, at);
  }

  /** The source location of an offset of this function's file (columns 0-based). */
  loc(offset: number): SourceLoc {
    const { line, column } = this.source.position(offset);
    return { file: this.source.fileName, line, col: column - 1 };
  }

  /** What a failing check at `offset` raises: a panic with the message (the column in its kind). */
  panicInfo(offset: number, message: string): RaiseInfo {
    const loc = this.loc(offset);
    return { kind: panicKind(loc), message, loc };
  }

  newBlock(hint: string): Block {
    return this.builder.createBlock(hint);
  }

  /** Starts appending to `block` (sealed: all its predecessors are known). */
  enter(block: Block, seal = true): void {
    this.builder.positionAt(block);
    if (seal) this.variables.seal(block);
  }

  br(target: Block): void {
    if (this.builder.isTerminated) return;
    this.variables.addEdge(this.builder.block, target);
    this.builder.br(target);
  }

  condbr(condition: Value, ifTrue: Block, ifFalse: Block): void {
    const from = this.builder.block;
    this.variables.addEdge(from, ifTrue);
    this.variables.addEdge(from, ifFalse);
    this.builder.condbr(condition, ifTrue, ifFalse);
  }

  /** Panics at `offset` with a fixed message when `condition` holds; goes on in a new block otherwise. */
  panicIf(condition: Value, offset: number, message: string): void {
    const fail = this.newBlock("panic");
    const ok = this.newBlock("ok");
    this.condbr(condition, fail, ok);
    this.enter(fail);
    this.builder.raise(this.panicInfo(offset, message));
    this.enter(ok);
  }

  /**
   * A loop, the one shape every loop of lowering has: `test()` runs in the header each time round
   * and says whether to go on; `body(next, exit)` runs then, `next` being where the next round
   * starts (what `continue` jumps to) and `exit` the block after the loop (`break`'s); `advance()`
   * runs at `next` before the header again. Goes on in `exit`.
   */
  loop(
    hint: string,
    test: () => Value,
    body: (next: Block, exit: Block) => void,
    advance: () => void = () => {},
  ): void {
    const header = this.newBlock(`${hint}.cond`);
    const step = this.newBlock(`${hint}.body`);
    const next = this.newBlock(`${hint}.next`);
    const exit = this.newBlock(`${hint}.end`);
    this.br(header);
    this.enter(header, false);
    this.condbr(test(), step, exit);
    this.enter(step);
    body(next, exit);
    this.br(next);
    this.enter(next);
    advance();
    this.br(header);
    this.variables.seal(header);
    this.enter(exit);
  }

  /** After a `return`, `break` or panic: code that follows goes to a block nothing reaches. */
  startDeadBlock(): void {
    this.enter(this.newBlock("dead"));
  }

  /** A local as this function sees it: a captured one from the closure's environment, else its variable. */
  readLocal(local: LocalSymbol): Value {
    const slot = this.slots.get(local);
    if (slot !== undefined)
      return this.builder.elemGet(this.irType(local.type, local.declaration), slot, constants.int(0n));
    const field = this.captures.get(local);
    if (field === undefined) return this.readVariable(local);
    return this.builder.getField(this.fn.params[0]!, field);
  }

  readVariable(local: VariableKey): Value {
    return this.variables.read(local, this.builder.block);
  }

  writeVariable(local: VariableKey, value: Value): void {
    this.variables.write(local, this.builder.block, value);
  }

  pushLoop(continueTarget: Block, breakTarget: Block): void {
    this.loops.push({ continueTarget, breakTarget, scopeDepth: this.scopes.length });
  }

  openScope(): void {
    this.scopes.push([]);
  }

  /** The end of a block's scope, reached by falling through it. */
  closeScope(): void {
    this.keepScopesAlive(this.scopes.length - 1);
    this.scopes.pop();
  }

  /**
   * The stack slots of the variables `&x` takes the address of (TypedBody.addressTaken), made
   * where they are declared: such a variable is read and written in memory.
   */
  private readonly slots = new Map<LocalSymbol, Value>();

  /** The address of a variable in memory, or null for one held in a register (it holds references). */
  localAddress(local: LocalSymbol): Value | null {
    return this.slots.get(local) ?? null;
  }

  /** A `let` or a parameter: the variable keeps its value to its block's end if a weak reference could tell. */
  declareLocal(local: LocalSymbol, value: Value): void {
    if (this.body.addressTaken.has(local) && !holdsReferences(value.type)) {
      const slot = this.builder.stackSlot(sizeOf(value.type));
      this.slots.set(local, slot);
      this.builder.elemSet(slot, constants.int(0n), value);
      return;
    }
    this.writeVariable(local, value);
    if (this.program.irTypes.observableByWeak(local.type)) this.scopes[this.scopes.length - 1]?.push(local);
  }

  /** An assignment to a variable: the value it held lives until here. */
  assignLocal(local: LocalSymbol, value: Value): void {
    const slot = this.slots.get(local);
    if (slot !== undefined) {
      this.builder.elemSet(slot, constants.int(0n), value);
      return;
    }
    if (this.program.irTypes.observableByWeak(local.type)) this.builder.keepAlive(this.readVariable(local));
    this.writeVariable(local, value);
  }

  /** Leaving the function (`return`): every open scope ends. */
  leaveAllScopes(): void {
    this.keepScopesAlive(0);
  }

  /** Leaving the innermost loop (`break`, `continue`): the scopes opened inside it end. */
  leaveLoopScopes(): void {
    this.keepScopesAlive(this.innermostLoop.scopeDepth);
  }

  private keepScopesAlive(from: number): void {
    for (const scope of this.scopes.slice(from)) {
      for (const local of scope) this.builder.keepAlive(this.readVariable(local));
    }
  }

  popLoop(): void {
    this.loops.pop();
  }

  get innermostLoop(): Loop {
    const loop = this.loops[this.loops.length - 1];
    if (loop === undefined) throw new Error("internal: break or continue outside a loop");
    return loop;
  }
}

/** A panic's error kind: "panic@COL", the 1-based column the report prints (frames have lines only). */
export function panicKind(loc: SourceLoc): string {
  return `panic@${loc.col + 1}`;
}

/** A zero of a scalar IR type (the value of a variable no assignment reaches, never read). */
export function zeroOf(type: import("@toolchain/compiler").IrType): Value {
  if (type.kind === "int") return type === types.i1 ? constants.bool(false) : constants.int(0n, type);
  if (type.kind === "float") return constants.float(0, type);
  if (type === strType) return constants.str("");
  if (
    type.kind === "ref" ||
    type.kind === "struct" ||
    type.kind === "variant" ||
    type.kind === "fn" ||
    type.kind === "ptr"
  )
    return constants.none(type);
  return constants.unit();
}
