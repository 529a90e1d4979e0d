// Typed Python AST to the shared IR: the program as a whole. One IR function per specialisation, the
// module body becoming the entry function; IR globals for module variables that functions share and
// for default values that are not literals; then each function's body, statement by statement.
//
// The construct files beside this one lower the rest, each around the LoweringContext of the function
// being lowered (context.ts): statements.ts, expressions.ts, arithmetic.ts, comparisons.ts, calls.ts,
// builtins.ts, math.ts and strings.ts; type-operations.ts says what each Python type's values do.

import {
  addFunction,
  addGlobal,
  createModule,
  type Global,
  type IrFunction,
  type Module as IrModule,
  types,
} from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { resolve } from "../py-types.js";
import type { Specialization, TypedProgram } from "../type-inference.js";
import { findModuleConstants, isLiteral } from "./constant-folding.js";
import { declareConstantTuples, makeConstantTuples } from "./constant-tuples.js";
import { LoweringContext, type ProgramLowering } from "./context.js";
import { coerce } from "./optional.js";
import { lowerBlock, lowerReturnNone } from "./statements.js";
import { irTypeOf, operationsOf } from "./type-operations.js";
import { variableType, writeVariable } from "./variables.js";

export function lowerProgram(program: TypedProgram, sourceFile: string): IrModule {
  const module = createModule(sourceFile);
  const moduleConstants = findModuleConstants(program);
  const globals = new Map<string, Global>();
  for (const [name, variable] of program.globals) {
    if (program.scopes.sharedGlobals.has(name) && !moduleConstants.has(name)) {
      globals.set(name, addGlobal(module, `g.${name}`, operationsOf(variable.type).zero()));
    }
  }
  const defaults = declareDefaults(program, module);
  const functions = declareFunctions(program, module);
  const constantTuples = declareConstantTuples(program, module);
  const lowering: ProgramLowering = { program, module, functions, globals, defaults, moduleConstants, constantTuples };
  for (const [spec, fn] of lowering.functions) lowerFunction(lowering, spec, fn);
  return module;
}

/** A default value that is not a literal is computed where its function is defined and kept in a global. */
function declareDefaults(program: TypedProgram, module: IrModule): Map<ast.expr, Global> {
  const defaults = new Map<ast.expr, Global>();
  for (const statement of program.tree.body) {
    if (statement._type !== "FunctionDef") continue;
    const all = [...statement.args.defaults, ...statement.args.kw_defaults];
    all.forEach((d, i) => {
      if (d === null || isLiteral(d)) return;
      const type = program.module.exprTypes.get(d);
      if (type === undefined) return;
      defaults.set(d, addGlobal(module, `default.${statement.name}.${i}`, operationsOf(type).zero()));
    });
  }
  return defaults;
}

/** One IR function per specialisation (`py.f`, `py.f.1`, ...), and the entry function for the module body. */
function declareFunctions(program: TypedProgram, module: IrModule): Map<Specialization, IrFunction> {
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
  return functions;
}

/**
 * Lowers one specialisation. A variable that may be read before any assignment reaches it needs a
 * run-time "is it bound" flag; which variables those are shows up while lowering, so a function
 * that has any is lowered once more with their flags.
 */
function lowerFunction(lowering: ProgramLowering, spec: Specialization, fn: IrFunction): void {
  let guarded = new Set<string>();
  for (;;) {
    fn.blocks = [];
    fn.nextId = 0;
    const cx = new LoweringContext(lowering, spec, fn, guarded);
    lowerFunctionBody(cx);
    const missing = [...cx.possiblyUndefined].filter((name) => !guarded.has(name));
    if (missing.length === 0) return;
    guarded = new Set([...guarded, ...missing]);
  }
}

function lowerFunctionBody(cx: LoweringContext): void {
  const entry = cx.b.createBlock("entry");
  cx.b.positionAt(entry);
  cx.ssa.seal(entry);
  // A parameter's variable may hold more than the argument's type (an int that becomes a float).
  cx.fn.params.forEach((p, i) => {
    writeVariable(cx, p.name, coerce(cx, p, cx.spec.paramTypes[i]!, variableType(cx, p.name)));
  });
  if (cx.spec.def === null) makeConstantTuples(cx);
  lowerBlock(cx, cx.spec.def === null ? cx.program.tree.body : cx.spec.def.body);
  if (!cx.b.isTerminated) {
    const type = cx.spec.returnType;
    const mayReturnNone = type !== null && resolve(type).kind === "optional";
    if (cx.fn.returnType === types.void || cx.fn.returnType === types.unit || mayReturnNone) lowerReturnNone(cx);
    // Inference found that every path returns a value: this end is never reached.
    else cx.b.terminate({ kind: "unreachable" });
  }
}
