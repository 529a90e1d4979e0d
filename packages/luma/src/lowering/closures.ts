// Closures and function values. A closure is an IR function of its own, `ls_closure_N`, whose
// first parameter is its environment when it captures variables: an object of one field per
// captured variable, each captured by value when the closure is made (the checker lists them). The
// value is a `func_ref` of the function and the environment; a named function used as a value is
// one without environment. Calling a value is a `call_indirect`. The environment's layout is
// untracked by the cycle collector, as LumaScript's other objects are.

import { addFunction, declareLayout, type IrFunction, type IrType, types, type Value } from "@toolchain/compiler";
import type { ClosureExpression } from "../ast.js";
import type { LocalSymbol } from "../checker/symbols.js";
import type { FunctionInstance } from "../checker/typed-program.js";
import type { LumaType } from "../checker/types.js";
import { lowerExpression } from "./expressions.js";
import { FunctionLowering } from "./function-context.js";
import { lowerBlock } from "./statements.js";

/** `|x| x + 1`: the closure's function, lowered now, and its value with the captured variables. */
export function lowerClosure(f: FunctionLowering, e: ClosureExpression): Value {
  const info = f.body.closures.get(e);
  if (info === undefined) throw new Error(`internal: no closure information at ${e.start}`);
  const b = f.builder;
  const valueType = f.irType(info.type, e);
  const captured = info.captures;
  // Unique in the module: a generic function's instances each lower their closures again.
  const name = `ls_closure_${f.instance.id}_${e.start}`;
  const layout =
    captured.length === 0
      ? null
      : declareLayout(
          `${name}.env`,
          captured.map((local) => ({ name: local.name, type: f.irType(local.type, local.declaration) })),
          { tracked: false },
        );
  if (layout !== null) f.program.module.layouts.push(layout);
  const env =
    layout === null
      ? null
      : b.alloc(
          layout,
          captured.map((local) => f.readLocal(local)),
          f.loc(e.start),
        );

  const params = info.parameters.map((local, i) => ({ name: local.name, type: valueTypeParam(valueType, i) }));
  if (env !== null) params.unshift({ name: "env", type: env.type });
  const fn = addFunction(f.program.module, name, "closure", params, fnResult(valueType), {
    sourceFile: f.source.fileName,
  });
  lowerClosureBody(f, fn, e, info.parameters, info.type.result, captured);
  return b.funcRef(valueType, fn, env);
}

/** A named function as a value: its function, without environment. */
export function functionValue(
  f: FunctionLowering,
  instance: FunctionInstance,
  at: { start: number; end: number },
): Value {
  const callee = f.program.functions.get(instance);
  if (callee === undefined) throw new Error(`internal: no function for ${instance.name}`);
  return f.builder.funcRef(f.irType(instance.type, at), callee, null);
}

function lowerClosureBody(
  outer: FunctionLowering,
  fn: IrFunction,
  e: ClosureExpression,
  parameters: readonly LocalSymbol[],
  result: LumaType,
  captured: readonly LocalSymbol[],
): void {
  const captures = new Map(captured.map((local, i) => [local, i] as const));
  const f = new FunctionLowering(outer.program, outer.instance, fn, outer.body, outer.source, result, captures);
  f.enter(f.newBlock("entry"));
  const first = captured.length === 0 ? 0 : 1;
  for (const [i, local] of parameters.entries()) f.writeVariable(local, fn.params[first + i]!);
  if (e.body.kind === "Block") {
    lowerBlock(f, e.body);
    if (!f.builder.isTerminated) {
      if (fn.returnType === types.void) f.builder.ret(null);
      else f.builder.terminate({ kind: "unreachable" });
    }
  } else {
    const value = lowerExpression(f, e.body);
    f.builder.ret(fn.returnType === types.void ? null : value);
  }
  for (const block of fn.blocks) block.terminator ??= { kind: "unreachable" };
}

function valueTypeParam(type: IrType, i: number): IrType {
  if (type.kind !== "fn") throw new Error(`internal: ${type.text} is not a function type`);
  return type.params[i]!;
}

function fnResult(type: IrType): IrType {
  if (type.kind !== "fn") throw new Error(`internal: ${type.text} is not a function type`);
  return type.result;
}
