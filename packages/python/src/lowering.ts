// Typed Python AST to the shared IR. One IR function per specialisation; the module body becomes the
// entry function. Python's semantics are spelled out here, in IR terms: floor division and modulo
// signs, overflow checks raising OverflowError, division by zero with CPython's exact messages,
// short-circuit evaluation, chained comparisons evaluating each operand once, Python's truth values.

import {
  addFunction,
  addGlobal,
  type Block,
  constants,
  createModule,
  type Global,
  IrBuilder,
  type IrFunction,
  type Module as IrModule,
  type IrType,
  type RaiseInfo,
  type SourceLoc,
  strType,
  types,
  type Value,
} from "@toolchain/compiler";
import type * as ast from "./ast.js";
import {
  MATH_CONSTANTS,
  MATH_FLOAT_FUNCTIONS,
  MATH_FLOAT2_FUNCTIONS,
  MATH_INT_FUNCTIONS,
  MATH_PREDICATES,
  MATH_TO_INT_FUNCTIONS,
} from "./builtin-signatures.js";
import { PyStrCodePoints } from "./constant-value.js";
import { irTypeOf, type PyType } from "./py-types.js";
import { lookupPythonRuntimeFunction } from "./runtime-library.js";
import { RT } from "./runtime-names.js";
import { SemanticError } from "./semantic-error.js";
import { SsaVariables } from "./ssa-variables.js";
import { isParallelAssignment } from "./subset-check.js";
import { defaultValue, type Specialization, type TypedProgram } from "./type-inference.js";

const OVERFLOW_MESSAGE = "integer overflow: arbitrary-precision integers are not supported yet";

export function lowerProgram(program: TypedProgram, sourceFile: string): IrModule {
  const module = createModule(sourceFile);
  const globals = new Map<string, Global>();
  const moduleConstants = findModuleConstants(program);
  for (const [name, variable] of program.globals) {
    if (program.scopes.sharedGlobals.has(name) && !moduleConstants.has(name)) {
      globals.set(name, addGlobal(module, `g.${name}`, zeroConstant(irTypeOf(variable.type))));
    }
  }
  // A default value that is not a literal is computed where its function is defined and kept here.
  const defaults = new Map<ast.expr, Global>();
  for (const statement of program.tree.body) {
    if (statement._type !== "FunctionDef") continue;
    const all = [...statement.args.defaults, ...statement.args.kw_defaults];
    all.forEach((d, i) => {
      if (d === null || isLiteral(d)) return;
      const type = program.module.exprTypes.get(d);
      if (type === undefined) return;
      defaults.set(d, addGlobal(module, `default.${statement.name}.${i}`, zeroConstant(irTypeOf(type))));
    });
  }
  const functions = new Map<Specialization, IrFunction>();
  const taken = new Map<string, number>();
  for (const spec of program.specializations) {
    if (spec.def === null) continue;
    const count = taken.get(spec.def.name) ?? 0;
    taken.set(spec.def.name, count + 1);
    const params = spec.scope!.params.map((name, i) => ({ name, type: irTypeOf(spec.paramTypes[i]!) }));
    const symbol = count === 0 ? spec.def.name : `${spec.def.name}.${count}`;
    functions.set(spec, addFunction(module, `py.${symbol}`, spec.def.name, params, irTypeOf(spec.returnType!)));
  }
  const entry = addFunction(module, "py.<module>", "<module>", [], types.void);
  module.entry = entry;
  functions.set(program.module, entry);
  for (const [spec, fn] of functions) {
    lowerFunction(program, module, spec, fn, functions, globals, defaults, moduleConstants);
  }
  return module;
}

/**
 * Lowers one specialisation. A variable that may be read before any assignment reaches it needs a
 * run-time "is it bound" flag; which variables those are shows up while lowering, so a function
 * that has any is lowered once more with their flags.
 */
function lowerFunction(
  program: TypedProgram,
  module: IrModule,
  spec: Specialization,
  fn: IrFunction,
  functions: ReadonlyMap<Specialization, IrFunction>,
  globals: ReadonlyMap<string, Global>,
  defaults: ReadonlyMap<ast.expr, Global>,
  moduleConstants: ReadonlyMap<string, Value>,
): void {
  let guarded = new Set<string>();
  for (;;) {
    fn.blocks = [];
    fn.nextId = 0;
    const lowering = new FunctionLowering(
      program,
      module,
      spec,
      fn,
      functions,
      globals,
      defaults,
      moduleConstants,
      guarded,
    );
    lowering.lower();
    const missing = [...lowering.possiblyUndefined].filter((name) => !guarded.has(name));
    if (missing.length === 0) return;
    guarded = new Set([...guarded, ...missing]);
  }
}

function zeroConstant(type: IrType) {
  if (type === types.i1) return constants.bool(false);
  if (type === types.i64) return constants.int(0n);
  if (type === types.f64) return constants.float(0);
  if (type === strType) return constants.str("");
  return constants.unit();
}

interface LoopTargets {
  readonly continueTo: Block;
  readonly breakTo: Block;
}

class FunctionLowering {
  private readonly b: IrBuilder;
  private readonly ssa: SsaVariables;
  private readonly loops: LoopTargets[] = [];
  /** Hidden loop counters of `for` loops, which are registers but no Python variable. */
  private readonly counterTypes = new Map<string, PyType>();

  constructor(
    private readonly program: TypedProgram,
    module: IrModule,
    private readonly spec: Specialization,
    private readonly fn: IrFunction,
    private readonly functions: ReadonlyMap<Specialization, IrFunction>,
    private readonly globals: ReadonlyMap<string, Global>,
    private readonly defaults: ReadonlyMap<ast.expr, Global>,
    /** Module variables bound once to a literal before any code runs: functions read the constant. */
    private readonly moduleConstants: ReadonlyMap<string, Value>,
    /** Variables that get a run-time "bound" flag, checked where they are read. */
    private readonly guarded: ReadonlySet<string>,
  ) {
    this.b = new IrBuilder(fn, module);
    this.ssa = new SsaVariables(
      this.b,
      (name) => irTypeOf(this.variableType(name)),
      (name, block) => {
        if (isBoundFlag(name)) return constants.bool(false);
        // Only the entry block starts with nothing bound; other blocks without predecessors are dead code.
        if (block === fn.blocks[0]) this.possiblyUndefined.add(name);
        return zeroConstant(irTypeOf(this.variableType(name)));
      },
    );
  }

  /** Variables some read of which no assignment may have reached. */
  readonly possiblyUndefined = new Set<string>();

  /** A call of the runtime function `name`, Python's library's or the core's (the module declares it). */
  private rt(name: string, args: Value[], loc: SourceLoc | null): Value {
    const callee = lookupPythonRuntimeFunction(name);
    if (callee === undefined) throw new Error(`no runtime function ${name}`);
    return this.b.callExtern(callee, args, loc);
  }

  lower(): void {
    const entry = this.b.createBlock("entry");
    this.b.positionAt(entry);
    this.ssa.seal(entry);
    for (const p of this.fn.params) this.writeVariable(p.name, p);
    this.lowerBlock(this.spec.def === null ? this.program.tree.body : this.spec.def.body);
    if (!this.b.isTerminated) {
      if (this.fn.returnType === types.void) this.b.ret(null);
      else if (this.fn.returnType === types.unit) this.b.ret(constants.unit());
      // Inference found that every path returns a value: this end is never reached.
      else this.b.terminate({ kind: "unreachable" });
    }
  }

  // ------------------------------------------------------------------ variables

  private variableType(name: string): PyType {
    if (isBoundFlag(name)) return "bool";
    const counter = this.counterTypes.get(name);
    if (counter !== undefined) return counter;
    const local = this.spec.locals.get(name);
    if (local !== undefined) return local.type;
    return this.program.globals.get(name)!.type;
  }

  /** Is `name` an SSA register here (a local, or a module variable no function shares)? */
  private isRegister(name: string): boolean {
    if (this.spec.def !== null) return this.spec.scope!.locals.has(name);
    return !this.globals.has(name);
  }

  private readVariable(name: string, node: ast.expr | ast.stmt): Value {
    const isModuleName = this.spec.def !== null && !this.spec.scope!.locals.has(name);
    const constant = isModuleName ? this.moduleConstants.get(name) : undefined;
    if (constant !== undefined) return constant;
    if (!this.isRegister(name)) return this.b.loadGlobal(this.globals.get(name)!);
    if (this.guarded.has(name)) {
      const bound = this.ssa.read(boundFlag(name), this.b.block);
      if (this.spec.def === null) {
        this.checkCondition(bound, "NameError", `name '${name}' is not defined`, node);
      } else {
        const message = `cannot access local variable '${name}' where it is not associated with a value`;
        this.checkCondition(bound, "UnboundLocalError", message, node);
      }
    }
    return this.ssa.read(name, this.b.block);
  }

  private writeVariable(name: string, value: Value): void {
    if (this.spec.def === null && this.moduleConstants.has(name)) {
      this.ssa.write(name, this.b.block, value);
      return;
    }
    if (!this.isRegister(name)) {
      this.b.storeGlobal(this.globals.get(name)!, value);
      return;
    }
    this.ssa.write(name, this.b.block, value);
    if (this.guarded.has(name)) this.ssa.write(boundFlag(name), this.b.block, constants.bool(true));
  }

  // ------------------------------------------------------------------ control flow helpers

  private jump(target: Block): void {
    if (this.b.isTerminated) return;
    this.ssa.addEdge(this.b.block, target);
    this.b.br(target);
  }

  private branch(condition: Value, ifTrue: Block, ifFalse: Block): void {
    this.ssa.addEdge(this.b.block, ifTrue);
    this.ssa.addEdge(this.b.block, ifFalse);
    this.b.condbr(condition, ifTrue, ifFalse);
  }

  /** Continues lowering in `block` (a fresh block after a terminator keeps dead code out of live blocks). */
  private startBlock(block: Block): void {
    this.b.positionAt(block);
  }

  private loc(node: { lineno: number; col_offset: number }): SourceLoc {
    return { file: this.fn.sourceFile, line: node.lineno, col: node.col_offset };
  }

  private raiseInfo(kind: string, message: string, node: { lineno: number; col_offset: number }): RaiseInfo {
    return { kind, message, loc: this.loc(node) };
  }

  // ------------------------------------------------------------------ statements

  private lowerBlock(body: readonly ast.stmt[]): void {
    for (const statement of body) {
      if (this.b.isTerminated) {
        // Code after return/break/continue is unreachable; it still gets a block to be lowered into.
        this.startBlock(this.b.createBlock("dead"));
        this.ssa.seal(this.b.block);
      }
      this.lowerStatement(statement);
    }
  }

  private lowerStatement(s: ast.stmt): void {
    switch (s._type) {
      case "FunctionDef":
        for (const d of [...s.args.defaults, ...s.args.kw_defaults]) {
          const global = d === null ? undefined : this.defaults.get(d);
          if (global !== undefined) this.b.storeGlobal(global, this.lowerExpression(d!));
        }
        return;
      case "Import":
      case "ImportFrom":
      case "Pass":
      case "Global":
        return;
      case "Expr":
        this.lowerExpression(s.value);
        return;
      case "Assign":
        this.lowerAssign(s);
        return;
      case "AnnAssign":
        if (s.value !== null) this.writeVariable((s.target as ast.Name).id, this.lowerExpression(s.value));
        return;
      case "AugAssign": {
        const target = s.target as ast.Name;
        const current = this.readVariable(target.id, target);
        const value = this.lowerExpression(s.value);
        const result = this.binary(
          s.op._type,
          current,
          this.typeOfVariable(target.id),
          value,
          this.typeOf(s.value),
          this.typeOfVariable(target.id),
          s,
        );
        this.writeVariable(target.id, result);
        return;
      }
      case "If":
        this.lowerIf(s);
        return;
      case "While":
        this.lowerWhile(s);
        return;
      case "For":
        this.lowerFor(s);
        return;
      case "Break":
        this.jump(this.loops[this.loops.length - 1]!.breakTo);
        return;
      case "Continue":
        this.jump(this.loops[this.loops.length - 1]!.continueTo);
        return;
      case "Return":
        this.b.ret(
          s.value === null
            ? this.fn.returnType === types.void
              ? null
              : constants.unit()
            : this.lowerExpression(s.value),
        );
        return;
      case "Assert":
        this.lowerAssert(s);
        return;
      default:
        throw new SemanticError(`unsupported: ${s._type} statement`, s);
    }
  }

  private typeOfVariable(name: string): PyType {
    return this.variableType(name);
  }

  private lowerAssign(s: ast.Assign): void {
    if (isParallelAssignment(s)) {
      const values = (s.value as ast.Tuple).elts.map((v) => this.lowerExpression(v));
      (s.targets[0] as ast.Tuple).elts.forEach((t, i) => {
        this.writeVariable((t as ast.Name).id, values[i]!);
      });
      return;
    }
    if (s.targets[0]!._type === "Tuple") {
      // q, r = divmod(a, b)
      const call = s.value as ast.Call;
      const type = this.typeOf(call);
      const a = this.lowerExpression(call.args[0]!);
      const b = this.lowerExpression(call.args[1]!);
      const [q, r] = (s.targets[0] as ast.Tuple).elts as ast.Name[];
      const quotient = this.binary(
        "FloorDiv",
        a,
        this.typeOf(call.args[0]!),
        b,
        this.typeOf(call.args[1]!),
        type,
        call,
        "divmod",
      );
      const remainder = this.binary(
        "Mod",
        a,
        this.typeOf(call.args[0]!),
        b,
        this.typeOf(call.args[1]!),
        type,
        call,
        "divmod",
      );
      this.writeVariable(q!.id, quotient);
      this.writeVariable(r!.id, remainder);
      return;
    }
    const value = this.lowerExpression(s.value);
    for (const target of s.targets) this.writeVariable((target as ast.Name).id, value);
  }

  private lowerIf(s: ast.If): void {
    const then = this.b.createBlock("if.then");
    const orelse = s.orelse.length > 0 ? this.b.createBlock("if.else") : null;
    const join = this.b.createBlock("if.end");
    this.lowerCondition(s.test, then, orelse ?? join);
    this.ssa.seal(then);
    this.startBlock(then);
    this.lowerBlock(s.body);
    this.jump(join);
    this.lowerElseThenContinueAt(orelse, s.orelse, join);
  }

  /** Lowers an `else` body (if any) into its block, then continues in `join` once all edges are in. */
  private lowerElseThenContinueAt(orelse: Block | null, body: readonly ast.stmt[], join: Block): void {
    if (orelse !== null) {
      this.ssa.seal(orelse);
      this.startBlock(orelse);
      this.lowerBlock(body);
      this.jump(join);
    }
    this.ssa.seal(join);
    this.startBlock(join);
  }

  private lowerWhile(s: ast.While): void {
    const header = this.b.createBlock("while.cond");
    const body = this.b.createBlock("while.body");
    const orelse = s.orelse.length > 0 ? this.b.createBlock("while.else") : null;
    const exit = this.b.createBlock("while.end");
    this.jump(header);
    this.startBlock(header);
    this.lowerCondition(s.test, body, orelse ?? exit);
    this.ssa.seal(body);
    this.startBlock(body);
    this.loops.push({ continueTo: header, breakTo: exit });
    this.lowerBlock(s.body);
    this.loops.pop();
    this.jump(header);
    this.ssa.seal(header);
    this.lowerElseThenContinueAt(orelse, s.orelse, exit);
  }

  /** for x in range(start, stop, step): the counter is a register; x gets its value each iteration. */
  private lowerFor(s: ast.For): void {
    const call = s.iter as ast.Call;
    const args = call.args.map((a) => this.asInt(this.lowerExpression(a), this.typeOf(a)));
    const [start, stop, step] =
      args.length === 1
        ? [constants.int(0n), args[0]!, constants.int(1n)]
        : [args[0]!, args[1]!, args[2] ?? constants.int(1n)];
    if (args.length === 3) {
      const stepIsConstant = step.kind === "const";
      if (!stepIsConstant || (step as { value: bigint }).value === 0n) {
        const bad = this.b.createBlock("range.zero");
        const ok = this.b.createBlock("range.ok");
        this.branch(this.b.icmp("eq", step, constants.int(0n)), bad, ok);
        this.ssa.seal(bad);
        this.startBlock(bad);
        this.b.raise(this.raiseInfo("ValueError", "range() arg 3 must not be zero", call));
        this.ssa.seal(ok);
        this.startBlock(ok);
      }
    }
    const counter = `for.${s.lineno}.${s.col_offset}`;
    const header = this.b.createBlock("for.cond");
    const body = this.b.createBlock("for.body");
    const latch = this.b.createBlock("for.next");
    const orelse = s.orelse.length > 0 ? this.b.createBlock("for.else") : null;
    const exit = this.b.createBlock("for.end");
    this.counterTypes.set(counter, "int");
    this.ssa.write(counter, this.b.block, start);
    this.jump(header);
    this.startBlock(header);
    const i = this.ssa.read(counter, header);
    const ascending = step.kind === "const" ? (step as { value: bigint }).value > 0n : null;
    let more: Value;
    if (ascending === true) more = this.b.icmp("lt", i, stop);
    else if (ascending === false) more = this.b.icmp("gt", i, stop);
    else {
      const up = this.b.icmp("gt", step, constants.int(0n));
      more = this.b.select(up, this.b.icmp("lt", i, stop), this.b.icmp("gt", i, stop));
    }
    this.branch(more, body, orelse ?? exit);
    this.ssa.seal(body);
    this.startBlock(body);
    this.writeVariable((s.target as ast.Name).id, i);
    this.loops.push({ continueTo: latch, breakTo: exit });
    this.lowerBlock(s.body);
    this.loops.pop();
    this.jump(latch);
    this.ssa.seal(latch);
    this.startBlock(latch);
    // Stepping past the last value can wrap around near the ends of the int64 range; a wrapped
    // counter means the range is exhausted (Python's range has no end to wrap around).
    const current = this.ssa.read(counter, latch);
    const next = this.b.ibinary("add", current, step, null);
    this.ssa.write(counter, latch, next);
    let wrapped: Value;
    if (ascending === true) wrapped = this.b.icmp("lt", next, current);
    else if (ascending === false) wrapped = this.b.icmp("gt", next, current);
    else {
      const up = this.b.icmp("gt", step, constants.int(0n));
      wrapped = this.b.select(up, this.b.icmp("lt", next, current), this.b.icmp("gt", next, current));
    }
    this.branch(wrapped, orelse ?? exit, header);
    this.ssa.seal(header);
    this.lowerElseThenContinueAt(orelse, s.orelse, exit);
  }

  private lowerAssert(s: ast.Assert): void {
    const fail = this.b.createBlock("assert.fail");
    const ok = this.b.createBlock("assert.ok");
    this.lowerCondition(s.test, ok, fail);
    this.ssa.seal(fail);
    this.startBlock(fail);
    if (s.msg === null) {
      this.b.raise(this.raiseInfo("AssertionError", "", s));
    } else {
      const message = this.toStr(this.lowerExpression(s.msg), this.typeOf(s.msg), s.msg);
      this.rt(RT.raiseWithMessage, [constants.str("AssertionError"), message], this.loc(s));
      this.b.terminate({ kind: "unreachable" });
    }
    this.ssa.seal(ok);
    this.startBlock(ok);
  }

  // ------------------------------------------------------------------ conditions

  /** Branches on the truth value of `e`, short-circuiting `and`, `or` and `not` into control flow. */
  private lowerCondition(e: ast.expr, ifTrue: Block, ifFalse: Block): void {
    if (e._type === "BoolOp") {
      const last = e.values.length - 1;
      e.values.forEach((v, index) => {
        if (index === last) {
          this.lowerCondition(v, ifTrue, ifFalse);
          return;
        }
        const next = this.b.createBlock(e.op._type === "And" ? "and.next" : "or.next");
        if (e.op._type === "And") this.lowerCondition(v, next, ifFalse);
        else this.lowerCondition(v, ifTrue, next);
        this.ssa.seal(next);
        this.startBlock(next);
      });
      return;
    }
    if (e._type === "UnaryOp" && e.op._type === "Not") {
      this.lowerCondition(e.operand, ifFalse, ifTrue);
      return;
    }
    this.branch(this.truth(this.lowerExpression(e), this.typeOf(e)), ifTrue, ifFalse);
  }

  /** Python's truth value of a value of `type`. */
  private truth(value: Value, type: PyType): Value {
    switch (type) {
      case "bool":
        return value;
      case "int":
        return this.b.icmp("ne", value, constants.int(0n));
      case "float":
        return this.b.fcmp("ne", value, constants.float(0));
      case "str":
        return this.b.icmp("ne", this.rt(RT.strLength, [value], null), constants.int(0n));
      case "None":
        return constants.bool(false);
    }
  }

  // ------------------------------------------------------------------ expressions

  private typeOf(e: ast.expr): PyType {
    const type = this.spec.exprTypes.get(e);
    if (type === undefined) throw new Error(`internal: no type for ${e._type} at line ${e.lineno}`);
    return type;
  }

  lowerExpression(e: ast.expr): Value {
    switch (e._type) {
      case "Constant":
        return this.lowerConstant(e);
      case "Name":
        return this.lowerName(e);
      case "BinOp": {
        const folded = this.typeOf(e) === "int" ? foldIntConstant(e) : null;
        if (folded !== null) return constants.int(folded);
        return this.binary(
          e.op._type,
          this.lowerExpression(e.left),
          this.typeOf(e.left),
          this.lowerExpression(e.right),
          this.typeOf(e.right),
          this.typeOf(e),
          e,
        );
      }
      case "UnaryOp": {
        const folded = this.typeOf(e) === "int" ? foldIntConstant(e) : null;
        if (folded !== null) return constants.int(folded);
        return this.lowerUnary(e);
      }
      case "BoolOp":
        return this.lowerBoolOpValue(e);
      case "Compare":
        return this.lowerCompareValue(e);
      case "IfExp":
        return this.lowerIfExp(e);
      case "Call":
        return this.lowerCall(e);
      case "Attribute":
        return constants.float(MATH_CONSTANTS.get(e.attr)!);
      case "Subscript": {
        const index = this.asInt(this.lowerExpression(e.slice), this.typeOf(e.slice));
        return this.rt(RT.argvGet, [index], this.loc(e));
      }
      case "JoinedStr":
        return this.lowerJoinedStr(e);
      default:
        throw new SemanticError(`unsupported: ${e._type}`, e);
    }
  }

  private lowerConstant(e: ast.Constant): Value {
    const v = e.value;
    if (v === null) return constants.unit();
    if (typeof v === "boolean") return constants.bool(v);
    if (typeof v === "bigint") return constants.int(v);
    if (typeof v === "number") return constants.float(v);
    if (typeof v === "string") return constants.str(v);
    if (v instanceof PyStrCodePoints) return constants.str(String.fromCodePoint(...v.codePoints));
    throw new SemanticError("unsupported: this constant", e);
  }

  private lowerName(e: ast.Name): Value {
    const kind = this.program.scopes.resolution.get(e);
    if (kind === "builtin") return constants.str("__main__");
    const imported = this.program.imports.get(e.id);
    if (imported !== undefined && kind === "global") return constants.float(MATH_CONSTANTS.get(imported.member!)!);
    return this.readVariable(e.id, e);
  }

  private asInt(value: Value, type: PyType): Value {
    return type === "bool" ? this.b.zext(value) : value;
  }

  private asFloat(value: Value, type: PyType): Value {
    if (type === "float") return value;
    return this.b.tofloat(this.asInt(value, type));
  }

  /** `a <op> b` with Python's semantics, the operands converted to `result`'s numeric type. */
  private binary(
    op: ast.operator["_type"],
    a: Value,
    aType: PyType,
    b: Value,
    bType: PyType,
    result: PyType,
    node: ast.expr | ast.stmt,
    context: "divmod" | null = null,
  ): Value {
    if (result === "str") return this.rt(RT.strConcat, [a, b], null);
    if (op === "Div") {
      if (aType !== "float" && bType !== "float")
        return this.intTrueDivide(this.asInt(a, aType), this.asInt(b, bType), node);
      const zero = this.raiseInfo("ZeroDivisionError", "float division by zero", node);
      return this.b.fbinary("fdiv", this.asFloat(a, aType), this.asFloat(b, bType), zero);
    }
    if (op === "Pow") return this.power(a, aType, b, bType, result, node);
    if (result === "float") {
      const x = this.asFloat(a, aType);
      const y = this.asFloat(b, bType);
      switch (op) {
        case "Add":
          return this.b.fbinary("fadd", x, y, null);
        case "Sub":
          return this.b.fbinary("fsub", x, y, null);
        case "Mult":
          return this.b.fbinary("fmul", x, y, null);
        case "FloorDiv":
          return this.b.fbinary(
            "ffloordiv",
            x,
            y,
            this.raiseInfo(
              "ZeroDivisionError",
              context === "divmod" ? "float divmod()" : "float floor division by zero",
              node,
            ),
          );
        case "Mod":
          return this.b.fbinary(
            "fmod",
            x,
            y,
            this.raiseInfo("ZeroDivisionError", context === "divmod" ? "float divmod()" : "float modulo", node),
          );
        default:
          throw new SemanticError(`unsupported: float ${op}`, node);
      }
    }
    if (result === "bool") {
      // bool & bool, bool | bool, bool ^ bool stay bools.
      const wide = this.b.ibinary(
        op === "BitAnd" ? "and" : op === "BitOr" ? "or" : "xor",
        this.b.zext(a),
        this.b.zext(b),
        null,
      );
      return this.b.icmp("ne", wide, constants.int(0n));
    }
    const x = this.asInt(a, aType);
    const y = this.asInt(b, bType);
    const overflow = this.raiseInfo("OverflowError", OVERFLOW_MESSAGE, node);
    switch (op) {
      case "Add":
        return this.b.ibinary("add", x, y, overflow);
      case "Sub":
        return this.b.ibinary("sub", x, y, overflow);
      case "Mult":
        return this.b.ibinary("mul", x, y, overflow);
      case "FloorDiv":
        this.checkNonZero(y, "integer division or modulo by zero", node);
        return this.b.ibinary("floordiv", x, y, overflow);
      case "Mod":
        this.checkNonZero(
          y,
          context === "divmod" ? "integer division or modulo by zero" : "integer modulo by zero",
          node,
        );
        return this.b.ibinary("floormod", x, y, overflow);
      case "BitAnd":
        return this.b.ibinary("and", x, y, null);
      case "BitOr":
        return this.b.ibinary("or", x, y, null);
      case "BitXor":
        return this.b.ibinary("xor", x, y, null);
      case "LShift":
      case "RShift": {
        this.checkCondition(this.b.icmp("ge", y, constants.int(0n)), "ValueError", "negative shift count", node);
        return this.b.ibinary(op === "LShift" ? "shl" : "ashr", x, y, op === "LShift" ? overflow : null);
      }
      default:
        throw new SemanticError(`unsupported: int ${op}`, node);
    }
  }

  /**
   * int / int, correctly rounded as CPython computes it. Within ±2**53 both convert to float exactly
   * and one division rounds once; beyond, the runtime divides exactly.
   */
  private intTrueDivide(a: Value, b: Value, node: ast.expr | ast.stmt): Value {
    const zero = this.raiseInfo("ZeroDivisionError", "division by zero", node);
    const fast = () => this.b.fbinary("fdiv", this.b.tofloat(a), this.b.tofloat(b), zero);
    if (isExactAsFloat(a) && isExactAsFloat(b)) return fast();
    const slow = () => this.rt(RT.intTrueDivide, [a, b], this.loc(node));
    return this.branchOnExactness([a, b], fast, slow, types.f64);
  }

  /**
   * Computes `whenExact` if every int in `values` lies within ±2**53 (where int-to-float conversion
   * is exact), `otherwise` if not, joining the two results.
   */
  private branchOnExactness(values: Value[], whenExact: () => Value, otherwise: () => Value, type: IrType): Value {
    let exact: Value = constants.bool(true);
    for (const v of values) {
      if (isExactAsFloat(v)) continue;
      const low = this.b.icmp("ge", v, constants.int(-EXACT_FLOAT_INT));
      const inRange = this.b.select(low, this.b.icmp("le", v, constants.int(EXACT_FLOAT_INT)), constants.bool(false));
      exact = this.b.select(exact, inRange, constants.bool(false));
    }
    const fast = this.b.createBlock("exact.fast");
    const slow = this.b.createBlock("exact.slow");
    const join = this.b.createBlock("exact.end");
    this.branch(exact, fast, slow);
    this.ssa.seal(fast);
    this.ssa.seal(slow);
    this.startBlock(fast);
    const a = whenExact();
    const fromFast = this.b.block;
    this.jump(join);
    this.startBlock(slow);
    const b = otherwise();
    const fromSlow = this.b.block;
    this.jump(join);
    this.ssa.seal(join);
    this.startBlock(join);
    return this.b.phi(type, [
      { block: fromFast, value: a },
      { block: fromSlow, value: b },
    ]);
  }

  private checkNonZero(divisor: Value, message: string, node: ast.expr | ast.stmt): void {
    this.checkCondition(this.b.icmp("ne", divisor, constants.int(0n)), "ZeroDivisionError", message, node);
  }

  /** Raises `kind: message` unless `ok` holds. Constant conditions fold away in the passes. */
  private checkCondition(ok: Value, kind: string, message: string, node: ast.expr | ast.stmt): void {
    const pass = this.b.createBlock("check.ok");
    const fail = this.b.createBlock("check.fail");
    this.branch(ok, pass, fail);
    this.ssa.seal(fail);
    this.startBlock(fail);
    this.b.raise(this.raiseInfo(kind, message, node));
    this.ssa.seal(pass);
    this.startBlock(pass);
  }

  private power(a: Value, aType: PyType, b: Value, bType: PyType, result: PyType, node: ast.expr | ast.stmt): Value {
    if (result === "float") {
      return this.rt(RT.floatPow, [this.asFloat(a, aType), this.asFloat(b, bType)], this.loc(node));
    }
    const base = this.asInt(a, aType);
    const exponent = this.asInt(b, bType);
    if (exponent.kind !== "const") {
      this.checkCondition(
        this.b.icmp("ge", exponent, constants.int(0n)),
        "ValueError",
        "int ** negative int is not supported yet (its result would be a float)",
        node,
      );
    }
    return this.b.ibinary("pow", base, exponent, this.raiseInfo("OverflowError", OVERFLOW_MESSAGE, node));
  }

  private lowerUnary(e: ast.UnaryOp): Value {
    const operandType = this.typeOf(e.operand);
    if (e.op._type === "Not") {
      const operand = this.lowerExpression(e.operand);
      return this.b.not(this.truth(operand, operandType));
    }
    const operand = this.lowerExpression(e.operand);
    if (operandType === "float") {
      return e.op._type === "USub" ? this.b.fneg(operand) : operand;
    }
    const x = this.asInt(operand, operandType);
    switch (e.op._type) {
      case "USub":
        return this.b.ineg(x, this.raiseInfo("OverflowError", OVERFLOW_MESSAGE, e));
      case "UAdd":
        return x;
      default:
        return this.b.ibinary("xor", x, constants.int(-1n), null);
    }
  }

  /** `a and b` / `a or b` as a value: the deciding operand itself, as Python returns it. */
  private lowerBoolOpValue(e: ast.BoolOp): Value {
    const type = this.typeOf(e);
    if (!this.spec.exprTypes.has(e.values[0]!)) {
      // Only typed as a condition: its value is the truth of the whole expression.
      const yes = this.b.createBlock("bool.true");
      const no = this.b.createBlock("bool.false");
      const join = this.b.createBlock("bool.end");
      this.lowerCondition(e, yes, no);
      this.ssa.seal(yes);
      this.ssa.seal(no);
      this.startBlock(yes);
      this.jump(join);
      this.startBlock(no);
      this.jump(join);
      this.ssa.seal(join);
      this.startBlock(join);
      return this.b.phi(types.i1, [
        { block: yes, value: constants.bool(true) },
        { block: no, value: constants.bool(false) },
      ]);
    }
    const join = this.b.createBlock(e.op._type === "And" ? "and.end" : "or.end");
    const incoming: { block: Block; value: Value }[] = [];
    const last = e.values.length - 1;
    e.values.forEach((operand, index) => {
      const value = this.lowerExpression(operand);
      if (index === last) {
        incoming.push({ block: this.b.block, value });
        this.jump(join);
        return;
      }
      const next = this.b.createBlock(e.op._type === "And" ? "and.next" : "or.next");
      const truth = this.truth(value, type);
      incoming.push({ block: this.b.block, value });
      if (e.op._type === "And") this.branch(truth, next, join);
      else this.branch(truth, join, next);
      this.ssa.seal(next);
      this.startBlock(next);
    });
    this.ssa.seal(join);
    this.startBlock(join);
    return this.b.phi(irTypeOf(type), incoming);
  }

  /** `a < b < c`: each operand evaluated once, stopping at the first false comparison. */
  private lowerCompareValue(e: ast.Compare): Value {
    let left = this.lowerExpression(e.left);
    let leftType = this.typeOf(e.left);
    if (e.ops.length === 1) {
      return this.compare(
        e.ops[0]!._type,
        left,
        leftType,
        this.lowerExpression(e.comparators[0]!),
        this.typeOf(e.comparators[0]!),
      );
    }
    const join = this.b.createBlock("cmp.end");
    const incoming: { block: Block; value: Value }[] = [];
    e.ops.forEach((op, i) => {
      const right = this.lowerExpression(e.comparators[i]!);
      const rightType = this.typeOf(e.comparators[i]!);
      const result = this.compare(op._type, left, leftType, right, rightType);
      incoming.push({ block: this.b.block, value: result });
      if (i === e.ops.length - 1) {
        this.jump(join);
      } else {
        const next = this.b.createBlock("cmp.next");
        this.branch(result, next, join);
        this.ssa.seal(next);
        this.startBlock(next);
      }
      left = right;
      leftType = rightType;
    });
    this.ssa.seal(join);
    this.startBlock(join);
    return this.b.phi(types.i1, incoming);
  }

  private compare(op: ast.cmpop["_type"], a: Value, aType: PyType, b: Value, bType: PyType): Value {
    if (op === "Is" || op === "IsNot") {
      const same = this.identical(a, aType, b, bType);
      return op === "Is" ? same : this.b.not(same);
    }
    const irOp = COMPARE_OPS[op]!;
    if (aType === "str" && bType === "str") {
      const order = this.rt(RT.strCompare, [a, b], null);
      return this.b.icmp(irOp, order, constants.int(0n));
    }
    if (aType === "None" && bType === "None") return constants.bool(irOp === "eq" || irOp === "le" || irOp === "ge");
    if (aType === "float" && bType === "float") return this.b.fcmp(irOp, a, b);
    if (aType === "float" || bType === "float") {
      // int vs float compares exactly, as CPython does, even beyond 2**53.
      const intFirst = aType !== "float";
      const int = this.asInt(intFirst ? a : b, intFirst ? aType : bType);
      const float = intFirst ? b : a;
      const op = intFirst ? irOp : MIRRORED[irOp];
      const viaFloat = () => this.b.fcmp(op, this.b.tofloat(int), float);
      if (isExactAsFloat(int)) return viaFloat();
      return this.branchOnExactness([int], viaFloat, () => this.exactCompare(op, int, float), types.i1);
    }
    return this.b.icmp(irOp, this.asInt(a, aType), this.asInt(b, bType));
  }

  /** `int <op> float` through the runtime's exact three-way comparison (2 means the float is NaN). */
  private exactCompare(op: "eq" | "ne" | "lt" | "le" | "gt" | "ge", int: Value, float: Value): Value {
    const order = this.rt(RT.compareIntFloat, [int, float], null);
    const is = (n: bigint) => this.b.icmp("eq", order, constants.int(n));
    switch (op) {
      case "eq":
        return is(0n);
      case "ne":
        return this.b.not(is(0n));
      case "lt":
        return is(-1n);
      case "le":
        return this.b.select(is(-1n), constants.bool(true), is(0n));
      case "gt":
        return is(1n);
      case "ge":
        return this.b.select(is(1n), constants.bool(true), is(0n));
    }
  }

  /** `a is b` where one side is None, True or False (inference allows nothing else). */
  private identical(a: Value, aType: PyType, b: Value, bType: PyType): Value {
    if (aType === "None" || bType === "None") return constants.bool(aType === bType);
    if (aType === "bool" && bType === "bool") return this.b.icmp("eq", a, b);
    return constants.bool(false);
  }

  private lowerIfExp(e: ast.IfExp): Value {
    const then = this.b.createBlock("ifexp.then");
    const orelse = this.b.createBlock("ifexp.else");
    const join = this.b.createBlock("ifexp.end");
    this.lowerCondition(e.test, then, orelse);
    this.ssa.seal(then);
    this.ssa.seal(orelse);
    this.startBlock(then);
    const a = this.lowerExpression(e.body);
    const fromThen = this.b.block;
    this.jump(join);
    this.startBlock(orelse);
    const b = this.lowerExpression(e.orelse);
    const fromElse = this.b.block;
    this.jump(join);
    this.ssa.seal(join);
    this.startBlock(join);
    return this.b.phi(irTypeOf(this.typeOf(e)), [
      { block: fromThen, value: a },
      { block: fromElse, value: b },
    ]);
  }

  // ------------------------------------------------------------------ calls

  private lowerCall(e: ast.Call): Value {
    const callee = this.spec.calls.get(e);
    if (callee !== undefined) return this.lowerUserCall(e, callee);
    const f = e.func;
    let module: "math" | "sys" | null = null;
    let name: string;
    if (f._type === "Name") {
      const imported = this.program.imports.get(f.id);
      if (imported !== undefined && this.program.scopes.resolution.get(f) === "global") {
        module = imported.module;
        name = imported.member!;
      } else {
        name = f.id;
      }
    } else {
      const attribute = f as ast.Attribute;
      module = this.program.imports.get((attribute.value as ast.Name).id)!.module;
      name = attribute.attr;
    }
    if (module === "math") return this.lowerMathCall(e, name);
    if (module === "sys") return this.lowerSysExit(e);
    return this.lowerBuiltinCall(e, name);
  }

  private lowerUserCall(e: ast.Call, callee: Specialization): Value {
    const def = callee.def!;
    const params = [...def.args.args, ...def.args.kwonlyargs];
    const args: Value[] = [];
    const explicit = new Map<number, ast.expr>();
    e.args.forEach((a, i) => {
      explicit.set(i, a);
    });
    for (const k of e.keywords)
      explicit.set(
        params.findIndex((p) => p.arg === k.arg),
        k.value,
      );
    // Arguments are evaluated in the order they are written, as in Python.
    const evaluated = new Map<ast.expr, Value>();
    for (const a of e.args) evaluated.set(a, this.lowerExpression(a));
    for (const k of e.keywords) evaluated.set(k.value, this.lowerExpression(k.value));
    for (let i = 0; i < params.length; i++) {
      const given = explicit.get(i);
      const fallback = defaultValue(def, i)!;
      const stored = this.defaults.get(fallback);
      args.push(
        given !== undefined
          ? evaluated.get(given)!
          : stored !== undefined
            ? this.b.loadGlobal(stored)
            : this.lowerDefault(fallback),
      );
    }
    return this.b.call(this.functions.get(callee)!, args, this.loc(e));
  }

  private lowerDefault(value: ast.expr): Value {
    if (value._type === "Constant") return this.lowerConstant(value);
    const operand = this.lowerDefault((value as ast.UnaryOp).operand);
    if ((value as ast.UnaryOp).op._type === "UAdd") return operand.type === types.i1 ? this.b.zext(operand) : operand;
    if (operand.type === types.f64) return this.b.fneg(operand);
    const c = operand as { kind: string; value: bigint | boolean };
    return constants.int(-(typeof c.value === "boolean" ? BigInt(c.value) : c.value));
  }

  private lowerBuiltinCall(e: ast.Call, name: string): Value {
    const arg = (i: number) => this.lowerExpression(e.args[i]!);
    const argType = (i: number) => this.typeOf(e.args[i]!);
    switch (name) {
      case "print":
        return this.lowerPrint(e);
      case "abs": {
        const x = arg(0);
        if (argType(0) === "float") return this.rt(RT.floatAbs, [x], null);
        const v = this.asInt(x, argType(0));
        const negative = this.b.icmp("lt", v, constants.int(0n));
        const negated = this.b.ineg(v, this.raiseInfo("OverflowError", OVERFLOW_MESSAGE, e));
        return this.b.select(negative, negated, v);
      }
      case "min":
      case "max": {
        const type = argType(0);
        let best = arg(0);
        for (let i = 1; i < e.args.length; i++) {
          const candidate = arg(i);
          // Python keeps the first of equal values: max(a, b) is b only if b > a.
          const better = this.compare(name === "max" ? "Gt" : "Lt", candidate, type, best, type);
          best = this.b.select(better, candidate, best);
        }
        return best;
      }
      case "int": {
        if (e.args.length === 0) return constants.int(0n);
        const type = argType(0);
        const x = arg(0);
        if (type === "str") return this.rt(RT.strToInt, [x], this.loc(e));
        if (type === "float") return this.rt(RT.floatToInt, [x], this.loc(e));
        return this.asInt(x, type);
      }
      case "float": {
        if (e.args.length === 0) return constants.float(0);
        const type = argType(0);
        const x = arg(0);
        if (type === "str") return this.rt(RT.strToFloat, [x], this.loc(e));
        return this.asFloat(x, type);
      }
      case "bool":
        return e.args.length === 0 ? constants.bool(false) : this.truth(arg(0), argType(0));
      case "str":
        return e.args.length === 0 ? constants.str("") : this.toStr(arg(0), argType(0), e);
      case "round":
        return this.lowerRound(e);
      case "pow": {
        if (e.args.length === 3) {
          const values = [0, 1, 2].map((i) => this.asInt(arg(i), argType(i)));
          return this.rt(RT.intPowMod, values, this.loc(e));
        }
        return this.power(arg(0), argType(0), arg(1), argType(1), this.typeOf(e), e);
      }
      case "len":
        return this.rt(RT.argvCount, [], null);
      default:
        throw new SemanticError(`unsupported: builtin '${name}'`, e);
    }
  }

  private lowerRound(e: ast.Call): Value {
    const x = this.lowerExpression(e.args[0]!);
    const type = this.typeOf(e.args[0]!);
    const digitsNode = e.args[1] ?? e.keywords.find((k) => k.arg === "ndigits")?.value ?? null;
    const hasDigits = digitsNode !== null && this.typeOf(digitsNode) !== "None";
    if (!hasDigits) {
      if (type === "float") return this.rt(RT.floatRoundToInt, [x], this.loc(e));
      return this.asInt(x, type);
    }
    const digits = this.asInt(this.lowerExpression(digitsNode!), this.typeOf(digitsNode!));
    if (type === "float") return this.rt(RT.floatRoundDigits, [x, digits], this.loc(e));
    return this.rt(RT.intRoundDigits, [this.asInt(x, type), digits], this.loc(e));
  }

  private lowerMathCall(e: ast.Call, name: string): Value {
    const args = e.args.map((a) => ({ value: this.lowerExpression(a), type: this.typeOf(a) }));
    const floats = () => args.map((a) => this.asFloat(a.value, a.type));
    const ints = () => args.map((a) => this.asInt(a.value, a.type));
    if (MATH_FLOAT_FUNCTIONS.has(name) || MATH_FLOAT2_FUNCTIONS.has(name)) {
      return this.rt(`${RT.mathPrefix}${name}`, floats(), this.loc(e));
    }
    if (name === "log") {
      return args.length === 1
        ? this.rt(`${RT.mathPrefix}log`, floats(), this.loc(e))
        : this.rt(`${RT.mathPrefix}log_base`, floats(), this.loc(e));
    }
    if (MATH_TO_INT_FUNCTIONS.has(name)) {
      if (args[0]!.type !== "float") return this.asInt(args[0]!.value, args[0]!.type);
      return this.rt(`${RT.mathPrefix}${name}`, floats(), this.loc(e));
    }
    if (MATH_PREDICATES.has(name)) return this.rt(`${RT.mathPrefix}${name}`, floats(), null);
    if (name === "isclose") return this.lowerIsClose(e, floats());
    if (MATH_INT_FUNCTIONS.has(name)) return this.rt(`${RT.mathPrefix}${name}`, ints(), this.loc(e));
    throw new SemanticError(`unsupported: math.${name}`, e);
  }

  /** math.isclose, as CPython's math_isclose_impl computes it. */
  private lowerIsClose(e: ast.Call, [a, b]: Value[]): Value {
    const tolerance = (name: string, fallback: number): Value => {
      const k = e.keywords.find((k) => k.arg === name);
      return k === undefined
        ? constants.float(fallback)
        : this.asFloat(this.lowerExpression(k.value), this.typeOf(k.value));
    };
    const relTol = tolerance("rel_tol", 1e-9);
    const absTol = tolerance("abs_tol", 0);
    const nonNegative = this.b.not(
      this.b.select(
        this.b.fcmp("lt", relTol, constants.float(0)),
        constants.bool(true),
        this.b.fcmp("lt", absTol, constants.float(0)),
      ),
    );
    this.checkCondition(nonNegative, "ValueError", "tolerances must be non-negative", e);
    const abs = (x: Value) => this.rt(RT.floatAbs, [x], null);
    const infinite = (x: Value) => this.b.fcmp("eq", abs(x), constants.float(Number.POSITIVE_INFINITY));
    const diff = abs(this.b.fbinary("fsub", b!, a!, null));
    const close = this.b.select(
      this.b.fcmp("le", diff, abs(this.b.fbinary("fmul", relTol, b!, null))),
      constants.bool(true),
      this.b.select(
        this.b.fcmp("le", diff, abs(this.b.fbinary("fmul", relTol, a!, null))),
        constants.bool(true),
        this.b.fcmp("le", diff, absTol),
      ),
    );
    const eitherInfinite = this.b.select(infinite(a!), constants.bool(true), infinite(b!));
    return this.b.select(
      this.b.fcmp("eq", a!, b!),
      constants.bool(true),
      this.b.select(eitherInfinite, constants.bool(false), close),
    );
  }

  private lowerSysExit(e: ast.Call): Value {
    if (e.args.length === 0) {
      this.b.terminate({ kind: "exit", status: constants.int(0n) });
    } else {
      const type = this.typeOf(e.args[0]!);
      const value = this.lowerExpression(e.args[0]!);
      if (type === "str") {
        this.rt(RT.exitWithMessage, [value], null);
        this.b.terminate({ kind: "exit", status: constants.int(1n) });
      } else if (type === "None") {
        this.b.terminate({ kind: "exit", status: constants.int(0n) });
      } else {
        this.b.terminate({ kind: "exit", status: this.asInt(value, type) });
      }
    }
    this.startBlock(this.b.createBlock("after.exit"));
    this.ssa.seal(this.b.block);
    return constants.unit();
  }

  // ------------------------------------------------------------------ printing and strings

  private lowerPrint(e: ast.Call): Value {
    const keyword = (name: string): ast.expr | null => e.keywords.find((k) => k.arg === name)?.value ?? null;
    const text = (node: ast.expr | null, fallback: string): Value => {
      if (node === null || this.typeOf(node) === "None") return constants.str(fallback);
      return this.lowerExpression(node);
    };
    const values = e.args.map((a) => ({ value: this.lowerExpression(a), type: this.typeOf(a), node: a }));
    const sep = text(keyword("sep"), " ");
    const end = text(keyword("end"), "\n");
    values.forEach((v, i) => {
      if (i > 0) this.rt(RT.writeStr, [sep], null);
      this.writeValue(v.value, v.type);
    });
    this.rt(RT.writeStr, [end], null);
    return constants.unit();
  }

  private writeValue(value: Value, type: PyType): void {
    switch (type) {
      case "int":
        this.rt(RT.writeInt, [value], null);
        return;
      case "float":
        this.rt(RT.writeFloat, [value], null);
        return;
      case "bool":
        this.rt(RT.writeStr, [this.b.select(value, constants.str("True"), constants.str("False"))], null);
        return;
      case "None":
        this.rt(RT.writeStr, [constants.str("None")], null);
        return;
      case "str":
        this.rt(RT.writeStr, [value], null);
        return;
    }
  }

  /** str(x). */
  private toStr(value: Value, type: PyType, node: ast.expr | ast.stmt): Value {
    void node;
    switch (type) {
      case "str":
        return value;
      case "int":
        return this.rt(RT.intToStr, [value], null);
      case "float":
        return this.rt(RT.floatToStr, [value], null);
      case "bool":
        return this.b.select(value, constants.str("True"), constants.str("False"));
      case "None":
        return constants.str("None");
    }
  }

  private lowerJoinedStr(e: ast.JoinedStr): Value {
    let result: Value | null = null;
    for (const part of e.values) {
      const piece =
        part._type === "Constant" ? this.lowerConstant(part) : this.lowerFormattedValue(part as ast.FormattedValue);
      result = result === null ? piece : this.rt(RT.strConcat, [result, piece], null);
    }
    return result ?? constants.str("");
  }

  private lowerFormattedValue(v: ast.FormattedValue): Value {
    const type = this.typeOf(v.value);
    const value = this.lowerExpression(v.value);
    // !r and !a on a str quote it; on numbers, bools and None repr is str.
    const converted =
      (v.conversion === 114 || v.conversion === 97) && type === "str"
        ? { value: this.rt(RT.strRepr, [value], null), type: "str" as PyType }
        : v.conversion !== -1 && type !== "str"
          ? { value: this.toStr(value, type, v), type: "str" as PyType }
          : { value, type };
    if (v.format_spec === null) return this.toStr(converted.value, converted.type, v);
    const spec = this.lowerJoinedStr(v.format_spec as ast.JoinedStr);
    const loc = this.loc(v.value);
    switch (converted.type) {
      case "int":
        return this.rt(RT.formatInt, [converted.value, spec], loc);
      case "float":
        return this.rt(RT.formatFloat, [converted.value, spec], loc);
      case "bool":
        return this.rt(RT.formatBool, [converted.value, spec], loc);
      default:
        return this.rt(RT.formatStr, [converted.value, spec], loc);
    }
  }
}

/** Ints within ±2**53 convert to float exactly. */
const EXACT_FLOAT_INT = 2n ** 53n;

function isExactAsFloat(v: Value): boolean {
  return v.kind === "const" && typeof v.value === "bigint" && v.value >= -EXACT_FLOAT_INT && v.value <= EXACT_FLOAT_INT;
}

const MIRRORED = { eq: "eq", ne: "ne", lt: "gt", le: "ge", gt: "lt", ge: "le" } as const;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The exact value of an expression made of int literals, as CPython's optimizer computes it at
 * compile time: `2**63 - 1` is a valid int64 even though `2**63` alone is not. Null when the value is
 * not a compile-time constant, would not fit in 64 bits, or the operation would raise.
 */
export function foldIntConstant(e: ast.expr): bigint | null {
  const value = exactIntConstant(e);
  return value !== null && value >= INT64_MIN && value <= INT64_MAX ? value : null;
}

function exactIntConstant(e: ast.expr): bigint | null {
  if (e._type === "Constant") {
    if (typeof e.value === "bigint") return e.value;
    if (typeof e.value === "boolean") return e.value ? 1n : 0n;
    return null;
  }
  if (e._type === "UnaryOp") {
    const v = exactIntConstant(e.operand);
    if (v === null) return null;
    return e.op._type === "USub" ? -v : e.op._type === "UAdd" ? v : e.op._type === "Invert" ? -v - 1n : null;
  }
  if (e._type !== "BinOp") return null;
  const a = exactIntConstant(e.left);
  const b = exactIntConstant(e.right);
  if (a === null || b === null) return null;
  switch (e.op._type) {
    case "Add":
      return a + b;
    case "Sub":
      return a - b;
    case "Mult":
      return a * b;
    case "FloorDiv":
      return b === 0n ? null : floorDivide(a, b);
    case "Mod":
      return b === 0n ? null : a - b * floorDivide(a, b);
    case "Pow":
      // Keep compile-time work bounded: anything this large would not fit anyway.
      return b < 0n || b > 4096n || (a !== 0n && a !== 1n && a !== -1n && b > 256n) ? null : a ** b;
    case "LShift":
      return b < 0n || b > 256n ? null : a << b;
    case "RShift":
      return b < 0n ? null : a >> b;
    case "BitAnd":
      return a & b;
    case "BitOr":
      return a | b;
    case "BitXor":
      return a ^ b;
    default:
      return null;
  }
}

function floorDivide(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * Module variables that are constants in all but name (`MASK = 0xFFFFFFFF`, `N = 1000`): assigned
 * once, at the top level, to a literal, before the first statement that could run a function, and
 * never declared `global` in a function. Functions then use the value itself instead of loading it.
 */
function findModuleConstants(program: TypedProgram): Map<string, Value> {
  const assignments = new Map<string, number>();
  const countTargets = (t: ast.expr): void => {
    if (t._type === "Name") assignments.set(t.id, (assignments.get(t.id) ?? 0) + 1);
    else if (t._type === "Tuple") for (const e of t.elts) countTargets(e);
  };
  const walk = (body: readonly ast.stmt[]): void => {
    for (const s of body) {
      if (s._type === "Assign") for (const t of s.targets) countTargets(t);
      else if (s._type === "AugAssign" || s._type === "AnnAssign" || s._type === "For") countTargets(s.target);
      if (s._type === "If" || s._type === "While" || s._type === "For") {
        walk(s.body);
        walk(s.orelse);
      }
    }
  };
  walk(program.tree.body);
  const declaredGlobal = new Set<string>();
  for (const scope of program.scopes.functions.values())
    for (const name of scope.declaredGlobal) declaredGlobal.add(name);
  const constantsByName = new Map<string, Value>();
  for (const s of program.tree.body) {
    if (s._type === "FunctionDef" || s._type === "Import" || s._type === "ImportFrom") continue;
    if (s._type !== "Assign" || containsCall(s.value)) break;
    const [target] = s.targets;
    if (s.targets.length !== 1 || target!._type !== "Name") continue;
    const name = target.id;
    if (assignments.get(name) !== 1 || declaredGlobal.has(name)) continue;
    const value = literalValue(s.value);
    if (value !== null) constantsByName.set(name, value);
  }
  return constantsByName;
}

/** Could evaluating `e` run user code? Only a call can, in the compiled subset. */
function containsCall(e: ast.expr): boolean {
  switch (e._type) {
    case "Call":
      return true;
    case "BinOp":
      return containsCall(e.left) || containsCall(e.right);
    case "UnaryOp":
      return containsCall(e.operand);
    case "BoolOp":
      return e.values.some(containsCall);
    case "Compare":
      return containsCall(e.left) || e.comparators.some(containsCall);
    case "IfExp":
      return containsCall(e.test) || containsCall(e.body) || containsCall(e.orelse);
    case "Tuple":
      return e.elts.some(containsCall);
    case "JoinedStr":
      return e.values.some(containsCall);
    case "FormattedValue":
      return containsCall(e.value) || (e.format_spec !== null && containsCall(e.format_spec));
    case "Subscript":
      return containsCall(e.value) || containsCall(e.slice);
    case "Attribute":
      return containsCall(e.value);
    default:
      return false;
  }
}

function literalValue(e: ast.expr): Value | null {
  const int = foldIntConstant(e);
  if (int !== null) return constants.int(int);
  if (e._type === "Constant") {
    if (typeof e.value === "number") return constants.float(e.value);
    if (typeof e.value === "string") return constants.str(e.value);
    if (typeof e.value === "boolean") return constants.bool(e.value);
  }
  if (
    e._type === "UnaryOp" &&
    e.op._type === "USub" &&
    e.operand._type === "Constant" &&
    typeof e.operand.value === "number"
  ) {
    return constants.float(-e.operand.value);
  }
  return null;
}

/** A literal default (`3`, `-1.5`, `"x"`, `None`) needs no storage: calls use the constant. */
function isLiteral(e: ast.expr): boolean {
  if (e._type === "Constant") return true;
  return e._type === "UnaryOp" && (e.op._type === "USub" || e.op._type === "UAdd") && e.operand._type === "Constant";
}

/** The hidden variable saying whether `name` is bound; "?" cannot occur in a Python name. */
function boundFlag(name: string): string {
  return `${name}?bound`;
}

function isBoundFlag(name: string): boolean {
  return name.endsWith("?bound");
}

const COMPARE_OPS: Partial<Record<ast.cmpop["_type"], "eq" | "ne" | "lt" | "le" | "gt" | "ge">> = {
  Eq: "eq",
  NotEq: "ne",
  Lt: "lt",
  LtE: "le",
  Gt: "gt",
  GtE: "ge",
};
