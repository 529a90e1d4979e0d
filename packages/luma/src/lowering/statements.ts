// Statements: `let` and assignment (SSA variables), `if`/`else if`/`else`, `while`,
// `for i in a..b`, `break`, `continue`, `return`, and expression statements.

import { constants } from "@toolchain/compiler";
import type { AssignmentOperator, BinaryOperator, Block, ForStatement, IfStatement, Statement } from "../ast.js";
import { eachElement } from "./arrays.js";
import { lowerExpression, lowerPlace } from "./expressions.js";
import type { FunctionLowering, VariableKey } from "./function-context.js";
import { lowerMapLoop } from "./maps.js";
import { lowerMatch } from "./match.js";
import { lowerBinary, lowerComparison } from "./operators.js";
import { evaluatePlace } from "./places.js";
import { integerIrType } from "./types.js";
import { notSupported } from "./unsupported.js";

export function lowerBlock(f: FunctionLowering, block: Block): void {
  f.openScope();
  for (const statement of block.statements) lowerStatement(f, statement);
  f.closeScope();
}

export function lowerStatement(f: FunctionLowering, s: Statement): void {
  switch (s.kind) {
    case "Block":
      lowerBlock(f, s);
      return;
    case "Let": {
      const local = f.body.locals.get(s);
      if (local === undefined) throw new Error(`internal: no local for the let at ${s.start}`);
      f.declareLocal(local, lowerExpression(f, s.value));
      return;
    }
    case "Assignment": {
      const value = lowerExpression(f, s.value);
      const place = evaluatePlace(f, s.target);
      if (s.operator === "=") {
        place.write(value);
        return;
      }
      const op = s.operator.slice(0, -1) as Exclude<AssignmentOperator, "="> extends `${infer O}=` ? O : never;
      place.write(lowerBinary(f, op as BinaryOperator, f.body.typeOf(s.target), place.read(), value, s));
      return;
    }
    case "ExpressionStatement":
      lowerExpression(f, s.expression);
      return;
    case "If":
      lowerIf(f, s);
      return;
    case "While": {
      const header = f.newBlock("while.cond");
      const body = f.newBlock("while.body");
      const exit = f.newBlock("while.end");
      f.br(header);
      f.enter(header, false);
      f.condbr(lowerExpression(f, s.condition), body, exit);
      f.enter(body);
      f.pushLoop(header, exit);
      lowerBlock(f, s.body);
      f.popLoop();
      f.br(header);
      f.variables.seal(header);
      f.enter(exit);
      return;
    }
    case "For":
      lowerFor(f, s);
      return;
    case "Break":
      f.leaveLoopScopes();
      f.br(f.innermostLoop.breakTarget);
      f.startDeadBlock();
      return;
    case "Continue":
      f.leaveLoopScopes();
      f.br(f.innermostLoop.continueTarget);
      f.startDeadBlock();
      return;
    case "Return": {
      const value = s.value === null ? null : lowerExpression(f, s.value);
      f.leaveAllScopes();
      f.builder.ret(value === null || f.fn.returnType.kind === "void" ? null : value);
      f.startDeadBlock();
      return;
    }
    case "Match":
      lowerMatch(f, s);
  }
}

function lowerIf(f: FunctionLowering, s: IfStatement): void {
  const thenBlock = f.newBlock("if.then");
  const elseBlock = s.elseBranch === null ? null : f.newBlock("if.else");
  const join = f.newBlock("if.end");
  f.condbr(lowerExpression(f, s.condition), thenBlock, elseBlock ?? join);
  f.enter(thenBlock);
  lowerBlock(f, s.thenBlock);
  f.br(join);
  if (elseBlock !== null && s.elseBranch !== null) {
    f.enter(elseBlock);
    if (s.elseBranch.kind === "If") lowerIf(f, s.elseBranch);
    else lowerBlock(f, s.elseBranch);
    f.br(join);
  }
  f.enter(join);
}

/** `for i in a..b`: `a` and `b` evaluated once; `i` a fresh copy of a hidden counter each time. */
function lowerFor(f: FunctionLowering, s: ForStatement): void {
  const loop = f.body.loops.get(s);
  if (loop?.kind === "map") {
    const parts = s.binding.kind === "TuplePattern" ? s.binding.elements : [];
    const local = (i: number) => {
      const part = parts[i];
      return part?.kind === "BindingPattern" ? f.body.locals.get(part) : undefined;
    };
    lowerMapLoop(f, s, (key, value, next, exit) => {
      const [k, v] = [local(0), local(1)];
      if (k !== undefined) f.writeVariable(k, key);
      if (v !== undefined) f.writeVariable(v, value);
      f.pushLoop(next, exit);
      lowerBlock(f, s.body);
      f.popLoop();
    });
    return;
  }
  if (loop?.kind === "array" || loop?.kind === "fixed-array") {
    const array = lowerPlace(f, s.iterable);
    const local = s.binding.kind === "BindingPattern" ? f.body.locals.get(s.binding) : undefined;
    eachElement(f, array, (element, next, exit) => {
      if (local !== undefined) f.writeVariable(local, element);
      f.pushLoop(next, exit);
      lowerBlock(f, s.body);
      f.popLoop();
    });
    return;
  }
  if (loop?.kind !== "range" || s.iterable.kind !== "Range")
    notSupported("`for` over fixed arrays and maps", s.iterable);
  const type = loop.type;
  const ir = integerIrType(type);
  const lower = lowerExpression(f, s.iterable.lower);
  const upper = lowerExpression(f, s.iterable.upper);
  const counter: VariableKey = { hidden: "for", type: ir };
  f.writeVariable(counter, lower);
  const local = s.binding.kind === "BindingPattern" ? f.body.locals.get(s.binding) : undefined;
  f.loop(
    "for",
    () => lowerComparison(f, "lt", type, f.readVariable(counter), upper),
    (next, exit) => {
      if (local !== undefined) f.writeVariable(local, f.readVariable(counter));
      f.pushLoop(next, exit);
      lowerBlock(f, s.body);
      f.popLoop();
    },
    () => f.writeVariable(counter, f.builder.ibinary("add", f.readVariable(counter), constants.int(1n, ir), null)),
  );
}
