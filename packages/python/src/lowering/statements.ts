// Statements: assignments (plain, annotated, augmented, parallel, `q, r = divmod(a, b)`), `if`,
// `while` and `for` over a range with their `else` bodies, `break` and `continue`, `return`, `assert`,
// and a `def`'s default values, computed where the function is defined. Blocks are sealed for the
// SSA construction as soon as all their predecessors are known.

import { type Block, constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { pyTypes } from "../py-types.js";
import { RT } from "../runtime-names.js";
import { SemanticError } from "../semantic-error.js";
import { isParallelAssignment } from "../subset-check.js";
import { asInt, binary } from "./arithmetic.js";
import type { LoweringContext } from "./context.js";
import { lowerCondition, lowerExpression } from "./expressions.js";
import { operationsOf } from "./type-operations.js";
import { readVariable, variableType, writeVariable } from "./variables.js";

export function lowerBlock(cx: LoweringContext, body: readonly ast.stmt[]): void {
  for (const statement of body) {
    if (cx.b.isTerminated) {
      // Code after return/break/continue is unreachable; it still gets a block to be lowered into.
      cx.startBlock(cx.b.createBlock("dead"));
      cx.ssa.seal(cx.b.block);
    }
    lowerStatement(cx, statement);
  }
}

function lowerStatement(cx: LoweringContext, s: ast.stmt): void {
  switch (s._type) {
    case "FunctionDef":
      for (const d of [...s.args.defaults, ...s.args.kw_defaults]) {
        const global = d === null ? undefined : cx.defaults.get(d);
        if (global !== undefined) cx.b.storeGlobal(global, lowerExpression(cx, d!));
      }
      return;
    case "Import":
    case "ImportFrom":
    case "Pass":
    case "Global":
      return;
    case "Expr":
      lowerExpression(cx, s.value);
      return;
    case "Assign":
      lowerAssign(cx, s);
      return;
    case "AnnAssign":
      if (s.value !== null) writeVariable(cx, (s.target as ast.Name).id, lowerExpression(cx, s.value));
      return;
    case "AugAssign": {
      const target = s.target as ast.Name;
      const type = variableType(cx, target.id);
      const current = readVariable(cx, target.id, target);
      const value = lowerExpression(cx, s.value);
      writeVariable(cx, target.id, binary(cx, s.op._type, current, type, value, cx.typeOf(s.value), type, s));
      return;
    }
    case "If":
      lowerIf(cx, s);
      return;
    case "While":
      lowerWhile(cx, s);
      return;
    case "For":
      lowerFor(cx, s);
      return;
    case "Break":
      cx.jump(cx.loops[cx.loops.length - 1]!.breakTo);
      return;
    case "Continue":
      cx.jump(cx.loops[cx.loops.length - 1]!.continueTo);
      return;
    case "Return":
      if (s.value !== null) cx.b.ret(lowerExpression(cx, s.value));
      else cx.b.ret(cx.fn.returnType === types.void ? null : constants.unit());
      return;
    case "Assert":
      lowerAssert(cx, s);
      return;
    default:
      throw new SemanticError(`unsupported: ${s._type} statement`, s);
  }
}

function lowerAssign(cx: LoweringContext, s: ast.Assign): void {
  if (isParallelAssignment(s)) {
    const values = (s.value as ast.Tuple).elts.map((v) => lowerExpression(cx, v));
    (s.targets[0] as ast.Tuple).elts.forEach((t, i) => {
      writeVariable(cx, (t as ast.Name).id, values[i]!);
    });
    return;
  }
  if (s.targets[0]!._type === "Tuple") {
    lowerDivmodAssign(cx, s.targets[0] as ast.Tuple, s.value as ast.Call);
    return;
  }
  const value = lowerExpression(cx, s.value);
  for (const target of s.targets) writeVariable(cx, (target as ast.Name).id, value);
}

/** q, r = divmod(a, b) */
function lowerDivmodAssign(cx: LoweringContext, targets: ast.Tuple, call: ast.Call): void {
  const type = cx.typeOf(call);
  const [left, right] = call.args as [ast.expr, ast.expr];
  const a = lowerExpression(cx, left);
  const b = lowerExpression(cx, right);
  const [q, r] = targets.elts as ast.Name[];
  const quotient = binary(cx, "FloorDiv", a, cx.typeOf(left), b, cx.typeOf(right), type, call, "divmod");
  const remainder = binary(cx, "Mod", a, cx.typeOf(left), b, cx.typeOf(right), type, call, "divmod");
  writeVariable(cx, q!.id, quotient);
  writeVariable(cx, r!.id, remainder);
}

function lowerIf(cx: LoweringContext, s: ast.If): void {
  const then = cx.b.createBlock("if.then");
  const orelse = s.orelse.length > 0 ? cx.b.createBlock("if.else") : null;
  const join = cx.b.createBlock("if.end");
  lowerCondition(cx, s.test, then, orelse ?? join);
  cx.ssa.seal(then);
  cx.startBlock(then);
  lowerBlock(cx, s.body);
  cx.jump(join);
  lowerElseThenContinueAt(cx, orelse, s.orelse, join);
}

function lowerWhile(cx: LoweringContext, s: ast.While): void {
  const header = cx.b.createBlock("while.cond");
  const body = cx.b.createBlock("while.body");
  const orelse = s.orelse.length > 0 ? cx.b.createBlock("while.else") : null;
  const exit = cx.b.createBlock("while.end");
  cx.jump(header);
  cx.startBlock(header);
  lowerCondition(cx, s.test, body, orelse ?? exit);
  cx.ssa.seal(body);
  cx.startBlock(body);
  cx.loops.push({ continueTo: header, breakTo: exit });
  lowerBlock(cx, s.body);
  cx.loops.pop();
  cx.jump(header);
  cx.ssa.seal(header);
  lowerElseThenContinueAt(cx, orelse, s.orelse, exit);
}

/** for x in range(start, stop, step): the counter is a register; x gets its value each iteration. */
function lowerFor(cx: LoweringContext, s: ast.For): void {
  const call = s.iter as ast.Call;
  const args = call.args.map((a) => asInt(cx, lowerExpression(cx, a), cx.typeOf(a)));
  const [start, stop, step] =
    args.length === 1
      ? [constants.int(0n), args[0]!, constants.int(1n)]
      : [args[0]!, args[1]!, args[2] ?? constants.int(1n)];
  if (args.length === 3) {
    const stepIsConstant = step.kind === "const";
    if (!stepIsConstant || (step as { value: bigint }).value === 0n) {
      const bad = cx.b.createBlock("range.zero");
      const ok = cx.b.createBlock("range.ok");
      cx.branch(cx.b.icmp("eq", step, constants.int(0n)), bad, ok);
      cx.ssa.seal(bad);
      cx.startBlock(bad);
      cx.b.raise(cx.raiseInfo("ValueError", "range() arg 3 must not be zero", call));
      cx.ssa.seal(ok);
      cx.startBlock(ok);
    }
  }
  const counter = `for.${s.lineno}.${s.col_offset}`;
  const header = cx.b.createBlock("for.cond");
  const body = cx.b.createBlock("for.body");
  const latch = cx.b.createBlock("for.next");
  const orelse = s.orelse.length > 0 ? cx.b.createBlock("for.else") : null;
  const exit = cx.b.createBlock("for.end");
  cx.counterTypes.set(counter, pyTypes.int);
  cx.ssa.write(counter, cx.b.block, start);
  cx.jump(header);
  cx.startBlock(header);
  const i = cx.ssa.read(counter, header);
  const ascending = step.kind === "const" ? (step as { value: bigint }).value > 0n : null;
  cx.branch(precedes(cx, ascending, step, i, stop), body, orelse ?? exit);
  cx.ssa.seal(body);
  cx.startBlock(body);
  writeVariable(cx, (s.target as ast.Name).id, i);
  cx.loops.push({ continueTo: latch, breakTo: exit });
  lowerBlock(cx, s.body);
  cx.loops.pop();
  cx.jump(latch);
  cx.ssa.seal(latch);
  cx.startBlock(latch);
  // Stepping past the last value can wrap around near the ends of the int64 range; a wrapped
  // counter means the range is exhausted (Python's range has no end to wrap around).
  const current = cx.ssa.read(counter, latch);
  const next = cx.b.ibinary("add", current, step, null);
  cx.ssa.write(counter, latch, next);
  cx.branch(precedes(cx, ascending, step, next, current), orelse ?? exit, header);
  cx.ssa.seal(header);
  lowerElseThenContinueAt(cx, orelse, s.orelse, exit);
}

/**
 * Does `a` come before `b` in the direction the range steps (`a < b` stepping up, `a > b` stepping
 * down)? Decided at run time when the sign of the step is not known (`ascending` null).
 */
function precedes(cx: LoweringContext, ascending: boolean | null, step: Value, a: Value, b: Value): Value {
  if (ascending === true) return cx.b.icmp("lt", a, b);
  if (ascending === false) return cx.b.icmp("gt", a, b);
  const up = cx.b.icmp("gt", step, constants.int(0n));
  return cx.b.select(up, cx.b.icmp("lt", a, b), cx.b.icmp("gt", a, b));
}

/** Lowers an `else` body (if any) into its block, then continues in `join` once all edges are in. */
function lowerElseThenContinueAt(
  cx: LoweringContext,
  orelse: Block | null,
  body: readonly ast.stmt[],
  join: Block,
): void {
  if (orelse !== null) {
    cx.ssa.seal(orelse);
    cx.startBlock(orelse);
    lowerBlock(cx, body);
    cx.jump(join);
  }
  cx.ssa.seal(join);
  cx.startBlock(join);
}

function lowerAssert(cx: LoweringContext, s: ast.Assert): void {
  const fail = cx.b.createBlock("assert.fail");
  const ok = cx.b.createBlock("assert.ok");
  lowerCondition(cx, s.test, ok, fail);
  cx.ssa.seal(fail);
  cx.startBlock(fail);
  if (s.msg === null) {
    cx.b.raise(cx.raiseInfo("AssertionError", "", s));
  } else {
    const message = operationsOf(cx.typeOf(s.msg)).str(cx, lowerExpression(cx, s.msg));
    cx.rt(RT.raiseWithMessage, [constants.str("AssertionError"), message], cx.loc(s));
    cx.b.terminate({ kind: "unreachable" });
  }
  cx.ssa.seal(ok);
  cx.startBlock(ok);
}
