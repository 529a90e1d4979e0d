// The state of lowering one function, which every construct's lowering reads and moves forward: the
// builder and the block it appends to, the function and the specialisation it is made from, the SSA
// variables, the targets of `break` and `continue`, and what lowering the whole program prepared
// first (IR functions, globals, stored defaults, module constants). Also the helpers every construct
// uses: source locations and raise infos, branches the SSA construction must see, runtime calls and
// run-time checks.

import {
  type Block,
  constants,
  type Global,
  IrBuilder,
  type IrFunction,
  type Module as IrModule,
  type IrType,
  type RaiseInfo,
  type SourceLoc,
  SsaVariables,
  specializeExternal,
  types,
  type Value,
} from "@toolchain/compiler";
import type * as ast from "../ast.js";
import type { ImportScope } from "../module-names.js";
import type { PyType } from "../py-types.js";
import { objectType } from "../python-layouts.js";
import { lookupPythonRuntimeFunction } from "../runtime-library.js";
import type { NodeSpan } from "../semantic-error.js";
import type { Specialization, TypedProgram } from "../type-inference.js";
import type { ConstantTuple } from "./constant-tuples.js";
import { unboxInt } from "./ints.js";
import { irTypeOf, operationsOf } from "./type-operations.js";
import { isBoundFlag, variableType } from "./variables.js";

/** The zero of a machine type: 0, false, 0.0, or the empty case of a reference. */
function zeroOf(type: IrType): Value {
  if (type === types.i1) return constants.bool(false);
  if (type === types.f64) return constants.float(0);
  if (type.kind === "int") return constants.int(0n, type);
  if (type === types.tagged) return constants.immediate(0n);
  return constants.none(type);
}

/** What lowering the program prepares before any function body, for every function's lowering. */
export interface ProgramLowering {
  readonly program: TypedProgram;
  readonly module: IrModule;
  /** The IR function of each specialisation; the module body's is the entry function. */
  readonly functions: ReadonlyMap<Specialization, IrFunction>;
  /** Module variables that functions share, kept in IR globals. */
  readonly globals: ReadonlyMap<string, Global>;
  /** Default values that are not literals, computed where their function is defined and kept here. */
  readonly defaults: ReadonlyMap<ast.expr, Global>;
  /** Module variables bound once to a literal before any code runs: functions read the constant. */
  readonly moduleConstants: ReadonlyMap<string, Value>;
  /** Tuple displays of literals, each made once (constant-tuples.ts). */
  readonly constantTuples: ReadonlyMap<ast.Tuple, ConstantTuple>;
}

export interface LoopTargets {
  readonly continueTo: Block;
  readonly breakTo: Block;
}

export class LoweringContext {
  readonly program: TypedProgram;
  readonly functions: ReadonlyMap<Specialization, IrFunction>;
  readonly globals: ReadonlyMap<string, Global>;
  readonly defaults: ReadonlyMap<ast.expr, Global>;
  readonly moduleConstants: ReadonlyMap<string, Value>;
  readonly constantTuples: ReadonlyMap<ast.Tuple, ConstantTuple>;
  /** The builder, appending to the current block (named short: it is on almost every line). */
  readonly b: IrBuilder;
  readonly ssa: SsaVariables<string>;
  /** The loops around the statement being lowered, innermost last. */
  readonly loops: LoopTargets[] = [];
  /**
   * The IR types of hidden variables: loop counters and positions (machine integers), temporaries,
   * which are registers but no Python variable.
   */
  readonly hiddenTypes = new Map<string, IrType>();
  /** Variables some read of which no assignment may have reached. */
  readonly possiblyUndefined = new Set<string>();
  /**
   * The statement being lowered: where an operation with no node of its own raises (str() of an int
   * past CPython's 4300 digits, printing one).
   */
  statement: NodeSpan | null = null;

  constructor(
    lowering: ProgramLowering,
    readonly spec: Specialization,
    readonly fn: IrFunction,
    /** Variables that get a run-time "bound" flag, checked where they are read. */
    readonly guarded: ReadonlySet<string>,
  ) {
    this.program = lowering.program;
    this.functions = lowering.functions;
    this.globals = lowering.globals;
    this.defaults = lowering.defaults;
    this.moduleConstants = lowering.moduleConstants;
    this.constantTuples = lowering.constantTuples;
    this.b = new IrBuilder(fn, lowering.module);
    this.ssa = new SsaVariables<string>(
      this.b,
      (name) => this.hiddenTypes.get(name) ?? irTypeOf(variableType(this, name)),
      (name, block) => {
        if (isBoundFlag(name)) return constants.bool(false);
        // Only the entry block starts with nothing bound; other blocks without predecessors are dead code.
        if (block === fn.blocks[0]) this.possiblyUndefined.add(name);
        const hidden = this.hiddenTypes.get(name);
        if (hidden !== undefined) return hidden === types.tagged ? constants.immediate(0n) : zeroOf(hidden);
        return operationsOf(variableType(this, name)).zero();
      },
    );
  }

  /** Expressions lowered as a given value and type (a union's receiver, per member: asMember). */
  private readonly members = new Map<ast.expr, { value: Value | null; type: PyType }>();

  /**
   * `lower()` with `node` standing for `value` of `type` and `call` typed `result`: a method call of
   * a union's value lowered for one of its members (lowering/unions.ts).
   */
  asMember(node: ast.expr, value: Value, type: PyType, call: ast.expr, result: PyType, lower: () => Value): Value {
    this.members.set(node, { value, type });
    this.members.set(call, { value: null, type: result });
    try {
      return lower();
    } finally {
      this.members.delete(node);
      this.members.delete(call);
    }
  }

  /** The value a node stands for while a member's call is lowered (asMember), or undefined. */
  memberValue(e: ast.expr): Value | undefined {
    return this.members.get(e)?.value ?? undefined;
  }

  /** Expressions being computed as their union type, before a checked narrowing (asComputed). */
  private readonly computing = new Set<ast.expr>();

  /**
   * `lower()` of an expression inference narrowed to one member of its union type, with `typeOf(e)`
   * the union: its computation gives a union's value, which the caller then checks.
   */
  asComputed(e: ast.expr, lower: () => Value): Value {
    this.computing.add(e);
    try {
      return lower();
    } finally {
      this.computing.delete(e);
    }
  }

  /** The type inference gave `e` in this specialisation. */
  typeOf(e: ast.expr): PyType {
    const member = this.members.get(e);
    if (member !== undefined) return member.type;
    if (this.computing.has(e)) return this.spec.checkedNarrows.get(e)!.from;
    const type = this.spec.exprTypes.get(e);
    if (type === undefined) throw new Error(`internal: no type for ${e._type} at line ${e.lineno}`);
    return type;
  }

  private names = 0;

  /** A name for a hidden SSA variable of the lowering, which no Python name can spell. */
  freshName(prefix: string): string {
    return `${prefix}.${this.names++}`;
  }

  /**
   * A mutable variable of the lowering (a hidden SSA variable), first set in `at`: the current block,
   * or the function's entry for one first set inside a loop (the key of the best element so far), so
   * that the SSA construction finds a definition on every path.
   */
  temporary(type: IrType, initial: Value, at: Block = this.b.block): { read: () => Value; write: (v: Value) => void } {
    const name = this.freshName("tmp");
    this.hiddenTypes.set(name, type);
    this.ssa.write(name, at, initial);
    return { read: () => this.ssa.read(name, this.b.block), write: (v) => this.ssa.write(name, this.b.block, v) };
  }

  /** What tells a name bound by an import from a variable (module-names.ts). */
  get importScope(): ImportScope {
    return { imports: this.program.imports, resolution: this.program.scopes.resolution };
  }

  /**
   * A call of the runtime function `name` (the module declares it). An int passed where it takes an
   * i64 (a count, a position, a code point) is unboxed on the way, raising OverflowError at `loc` (or
   * the statement's) when it does not fit in 64 bits.
   */
  rt(name: string, args: Value[], loc: SourceLoc | null): Value {
    const callee = lookupPythonRuntimeFunction(name);
    if (callee === undefined) throw new Error(`no runtime function ${name}`);
    if (callee.canFail && loc === null) throw new Error(`internal: ${name} can fail and needs a location`);
    return this.b.callExtern(callee, this.machineIntegers(args, callee.params, loc), loc);
  }

  private machineIntegers(args: Value[], params: readonly IrType[], loc: SourceLoc | null): Value[] {
    return args.map((arg, i) => {
      if (arg.type !== types.tagged || params[i] !== types.i64) return arg;
      return unboxInt(this, arg, loc ?? this.here());
    });
  }

  /**
   * A call of a runtime function over objects of any layout (`rt_object *` parameters and result),
   * declared for the reference types of this call's arguments and `result` (the object returned).
   */
  rtOnObjects(name: string, args: Value[], loc: SourceLoc | null, result: IrType | null = null): Value {
    const callee = lookupPythonRuntimeFunction(name);
    if (callee === undefined) throw new Error(`no runtime function ${name}`);
    if (callee.canFail && loc === null) throw new Error(`internal: ${name} can fail and needs a location`);
    const params = callee.params.map((p, i) => (p === objectType ? args[i]!.type : null));
    return this.b.callExtern(
      specializeExternal(callee, params, result),
      this.machineIntegers(args, callee.params, loc),
      loc,
    );
  }

  /** The location of the statement being lowered (the function's start before the first). */
  here(): SourceLoc {
    return this.statement === null ? { file: this.fn.sourceFile, line: 1, col: 0 } : this.loc(this.statement);
  }

  loc(node: NodeSpan): SourceLoc {
    return { file: this.fn.sourceFile, line: node.lineno, col: node.col_offset };
  }

  raiseInfo(kind: string, message: string, node: NodeSpan): RaiseInfo {
    return { kind, message, loc: this.loc(node) };
  }

  // Every edge goes through jump and branch, so the SSA construction knows each block's predecessors.

  jump(target: Block): void {
    if (this.b.isTerminated) return;
    this.ssa.addEdge(this.b.block, target);
    this.b.br(target);
  }

  branch(condition: Value, ifTrue: Block, ifFalse: Block): void {
    this.ssa.addEdge(this.b.block, ifTrue);
    this.ssa.addEdge(this.b.block, ifFalse);
    this.b.condbr(condition, ifTrue, ifFalse);
  }

  /** Continues lowering in `block` (a fresh block after a terminator keeps dead code out of live blocks). */
  startBlock(block: Block): void {
    this.b.positionAt(block);
  }

  /**
   * A value of `type` chosen by a condition, each side lowered in a block of its own so that only the
   * taken side runs (a side may end in a raise: it then gives no value).
   */
  choose(type: IrType, condition: Value, then: () => Value, otherwise: () => Value): Value {
    const thenBlock = this.b.createBlock("choose.then");
    const elseBlock = this.b.createBlock("choose.else");
    const join = this.b.createBlock("choose.end");
    this.branch(condition, thenBlock, elseBlock);
    const incoming: { block: Block; value: Value }[] = [];
    for (const [block, side] of [
      [thenBlock, then],
      [elseBlock, otherwise],
    ] as const) {
      this.ssa.seal(block);
      this.startBlock(block);
      const value = side();
      if (!this.b.isTerminated) {
        incoming.push({ block: this.b.block, value });
        this.jump(join);
      }
    }
    this.ssa.seal(join);
    this.startBlock(join);
    // Both sides raise (a union's members that all reject an operation): what follows is dead code.
    if (incoming.length === 0) return zeroOf(type);
    return incoming.length === 1 ? incoming[0]!.value : this.b.phi(type, incoming);
  }

  /** Raises `kind: message` unless `ok` holds. Constant conditions fold away in the passes. */
  checkCondition(ok: Value, kind: string, message: string, node: NodeSpan): void {
    const pass = this.b.createBlock("check.ok");
    const fail = this.b.createBlock("check.fail");
    this.branch(ok, pass, fail);
    this.ssa.seal(fail);
    this.startBlock(fail);
    this.b.raise(this.raiseInfo(kind, message, node));
    this.ssa.seal(pass);
    this.startBlock(pass);
  }
}
