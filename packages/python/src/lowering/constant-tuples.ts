// Tuple displays of literals (`(None, None)`, `((0, 1), (1, 0))`), made once. CPython's compiler folds
// them into constants of the code object, so every evaluation gives the same object; here each is an
// IR global that the module body fills before its first statement and every use reads, the program
// holding its reference until exit. binary-trees (npm run bench, depth 17), whose leaves are
// `(None, None)`: 0.55 s and 35 MB peak making a leaf each time, 0.39 s and 18 MB sharing one
// (C 0.40 s, 18 MB; CPython 3.1 s, 30 MB).

import { addGlobal, constants, type Global, type Module as IrModule, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { constantType } from "../inference-rules.js";
import { type PyType, pyTypes, resolve } from "../py-types.js";
import { tupleType } from "../python-layouts.js";
import type { TypedProgram } from "../type-inference.js";
import { lowerLiteral } from "./calls.js";
import { foldIntConstant, isConstantTuple } from "./constant-folding.js";
import type { LoweringContext } from "./context.js";
import { makeTuple } from "./iteration.js";
import { coerce } from "./optional.js";

/** A constant tuple display's global and its type. */
export interface ConstantTuple {
  readonly global: Global;
  readonly type: PyType;
}

/** A global for each outermost constant tuple display of the program (inner ones are its parts). */
export function declareConstantTuples(program: TypedProgram, module: IrModule): Map<ast.Tuple, ConstantTuple> {
  const displays = new Map<ast.Tuple, PyType>();
  for (const spec of program.specializations) {
    for (const [e, type] of spec.exprTypes) if (isConstantTuple(e)) displays.set(e, resolve(type));
  }
  const inner = new Set<ast.expr>();
  const markInner = (t: ast.Tuple): void => {
    for (const x of t.elts) {
      if (isConstantTuple(x)) {
        inner.add(x);
        markInner(x);
      }
    }
  };
  for (const display of displays.keys()) markInner(display);
  const tuples = new Map<ast.Tuple, ConstantTuple>();
  for (const [display, type] of displays) {
    if (inner.has(display)) continue;
    tuples.set(display, { global: addGlobal(module, `const.tuple.${tuples.size}`, constants.none(tupleType)), type });
  }
  return tuples;
}

/** Makes every constant tuple (the module body's first work). */
export function makeConstantTuples(cx: LoweringContext): void {
  for (const [display, { global, type }] of cx.constantTuples) cx.b.storeGlobal(global, buildTuple(cx, display, type));
}

/** The constant tuple of a display, or null when it is not one. */
export function constantTuple(cx: LoweringContext, e: ast.Tuple): Value | null {
  const constant = cx.constantTuples.get(e);
  return constant === undefined ? null : cx.b.loadGlobal(constant.global);
}

function buildTuple(cx: LoweringContext, display: ast.Tuple, type: PyType): Value {
  // A literal may sit in a slot of a wider type (a None among `str | None`s of its siblings).
  const literal = (x: ast.expr, slot: PyType) => coerce(cx, lowerLiteral(cx, x), literalType(x), slot);
  const parts = display.elts.map((x, i) =>
    x._type === "Tuple" ? buildTuple(cx, x, resolve(type.parts[i]!)) : literal(x, type.parts[i]!),
  );
  return makeTuple(cx, parts, type.parts);
}

/** The type of a literal of a constant tuple: a constant's, or a negated number's. */
function literalType(x: ast.expr): PyType {
  if (x._type === "Constant") return constantType(x);
  return foldIntConstant(x) !== null ? pyTypes.int : pyTypes.float;
}
