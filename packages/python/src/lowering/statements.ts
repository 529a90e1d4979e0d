// Statements: assignments (plain, annotated, augmented, parallel, `q, r = divmod(a, b)`), `if`,
// `while` and `for` over a range with their `else` bodies, `break` and `continue`, `return`, `assert`,
// and a `def`'s default values, computed where the function is defined. Blocks are sealed for the
// SSA construction as soon as all their predecessors are known.

import { type Block, constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { isDivmodCall } from "../inference-rules.js";
import { isNamedTupleDefinition } from "../named-tuples.js";
import { isContainer, pyTypes, resolve } from "../py-types.js";
import { RT } from "../runtime-names.js";
import { SemanticError } from "../semantic-error.js";
import { isParallelAssignment } from "../subset-check.js";
import { binary } from "./arithmetic.js";
import { lowerContainerUpdate } from "./containers.js";
import type { LoweringContext } from "./context.js";
import { lowerCondition, lowerExpression } from "./expressions.js";
import { lowerIteration } from "./iteration.js";
import { coerce } from "./optional.js";
import { deleteSubscript, lowerCountingUpdate, updateSubscript } from "./subscripts.js";
import { assignTarget, storeTarget } from "./targets.js";
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
  cx.statement = s;
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
      // A namedtuple class is static: its definition makes nothing at run time.
      if (cx.spec.def === null && isNamedTupleDefinition(s, cx.importScope)) return;
      lowerAssign(cx, s);
      return;
    case "AnnAssign":
      if (s.value !== null) assignTarget(cx, s.target, lowerExpression(cx, s.value), cx.typeOf(s.value));
      return;
    case "AugAssign": {
      if (s.target._type === "Subscript") {
        updateSubscript(cx, s);
        return;
      }
      const target = s.target as ast.Name;
      const type = variableType(cx, target.id);
      const current = readVariable(cx, target.id, target);
      const value = lowerExpression(cx, s.value);
      const valueType = cx.typeOf(s.value);
      const result = isContainer(resolve(type))
        ? lowerContainerUpdate(cx, s.op._type, current, type, value, valueType, s)
        : binary(cx, s.op._type, current, type, value, valueType, type, s);
      writeVariable(cx, target.id, result);
      return;
    }
    case "Delete":
      for (const target of s.targets) deleteSubscript(cx, target as ast.Subscript);
      return;
    case "With":
      lowerWith(cx, s);
      return;
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
      if (s.value !== null) cx.b.ret(coerce(cx, lowerExpression(cx, s.value), cx.typeOf(s.value), cx.spec.returnType!));
      else lowerReturnNone(cx);
      return;
    case "Assert":
      lowerAssert(cx, s);
      return;
    default:
      throw new SemanticError(`unsupported: ${s._type} statement`, s);
  }
}

function lowerAssign(cx: LoweringContext, s: ast.Assign): void {
  if (lowerCountingUpdate(cx, s)) return;
  if (isParallelAssignment(s)) {
    // Every value first, then the targets left to right, as Python assigns them.
    const elements = (s.value as ast.Tuple).elts;
    const values = elements.map((v) => lowerExpression(cx, v));
    (s.targets[0] as ast.Tuple).elts.forEach((t, i) => {
      assignTarget(cx, t, values[i]!, cx.typeOf(elements[i]!));
    });
    return;
  }
  if (s.targets[0]!._type === "Tuple" && isDivmodCall(s.value)) {
    lowerDivmodAssign(cx, s.targets[0] as ast.Tuple, s.value as ast.Call);
    return;
  }
  const value = lowerExpression(cx, s.value);
  for (const target of s.targets) assignTarget(cx, target, value, cx.typeOf(s.value));
}

/** `return` without a value, or the end of a function: None, as the function's return type holds it. */
export function lowerReturnNone(cx: LoweringContext): void {
  if (cx.fn.returnType === types.void) cx.b.ret(null);
  else cx.b.ret(coerce(cx, constants.unit(), pyTypes.none, cx.spec.returnType ?? pyTypes.none));
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

/**
 * `with open(...) as f:` (files are the only context managers compiled): the body, then each file
 * closed, innermost first. An error in the body ends the program (there is no `except` yet), and
 * files are written out at exit, so closing on the normal way out is what can be observed.
 */
function lowerWith(cx: LoweringContext, s: ast.With): void {
  const files: { value: Value; node: ast.expr }[] = [];
  for (const item of s.items) {
    const value = lowerExpression(cx, item.context_expr);
    files.push({ value, node: item.context_expr });
    if (item.optional_vars !== null) assignTarget(cx, item.optional_vars, value, cx.typeOf(item.context_expr));
  }
  lowerBlock(cx, s.body);
  if (cx.b.isTerminated) return;
  for (const file of files.reverse()) cx.rt("py_file_close", [file.value], cx.loc(file.node));
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

/** for target in iterable: the body and its `else` over the iteration's elements. */
function lowerFor(cx: LoweringContext, s: ast.For): void {
  lowerIteration(
    cx,
    s.iter,
    (element, targets) => {
      storeTarget(cx, s.target, element);
      cx.loops.push(targets);
      lowerBlock(cx, s.body);
      cx.loops.pop();
    },
    s.orelse.length > 0 ? () => lowerBlock(cx, s.orelse) : null,
  );
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
