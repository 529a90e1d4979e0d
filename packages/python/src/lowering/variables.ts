// Reading and writing Python variables. A local (or a module variable no function shares) is an SSA
// register; a shared module variable is an IR global; a module variable bound once to a literal is
// that constant in every function. A variable that some read may reach unassigned carries a hidden
// "bound" flag, checked where it is read, raising NameError or UnboundLocalError as CPython does.

import { constants, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { type PyType, pyTypes } from "../py-types.js";
import type { LoweringContext } from "./context.js";

export function readVariable(cx: LoweringContext, name: string, node: ast.expr | ast.stmt): Value {
  const isModuleName = cx.spec.def !== null && !cx.spec.scope!.locals.has(name);
  const constant = isModuleName ? cx.moduleConstants.get(name) : undefined;
  if (constant !== undefined) return constant;
  if (!isRegister(cx, name)) return cx.b.loadGlobal(cx.globals.get(name)!);
  if (cx.guarded.has(name)) {
    const bound = cx.ssa.read(boundFlag(name), cx.b.block);
    if (cx.spec.def === null) {
      cx.checkCondition(bound, "NameError", `name '${name}' is not defined`, node);
    } else {
      const message = `cannot access local variable '${name}' where it is not associated with a value`;
      cx.checkCondition(bound, "UnboundLocalError", message, node);
    }
  }
  return cx.ssa.read(name, cx.b.block);
}

export function writeVariable(cx: LoweringContext, name: string, value: Value): void {
  if (cx.spec.def === null && cx.moduleConstants.has(name)) {
    cx.ssa.write(name, cx.b.block, value);
    return;
  }
  if (!isRegister(cx, name)) {
    cx.b.storeGlobal(cx.globals.get(name)!, value);
    return;
  }
  cx.ssa.write(name, cx.b.block, value);
  if (cx.guarded.has(name)) cx.ssa.write(boundFlag(name), cx.b.block, constants.bool(true));
}

/** The type of a variable or a bound flag (hidden variables have IR types of their own: cx.hiddenTypes). */
export function variableType(cx: LoweringContext, name: string): PyType {
  if (isBoundFlag(name)) return pyTypes.bool;
  const local = cx.spec.locals.get(name);
  if (local !== undefined) return local.type;
  return cx.program.globals.get(name)!.type;
}

/** Is `name` an SSA register here (a local, or a module variable no function shares)? */
function isRegister(cx: LoweringContext, name: string): boolean {
  if (cx.spec.def !== null) return cx.spec.scope!.locals.has(name);
  return !cx.globals.has(name);
}

/** The hidden variable saying whether `name` is bound; "?" cannot occur in a Python name. */
function boundFlag(name: string): string {
  return `${name}?bound`;
}

export function isBoundFlag(name: string): boolean {
  return name.endsWith("?bound");
}
