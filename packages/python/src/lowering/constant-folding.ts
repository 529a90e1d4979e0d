// What is known before the program runs: the value of an int expression made of literals, as
// CPython's optimizer folds it; the value of a literal; which module variables are constants in all
// but name, so that functions use the value itself instead of loading a global.

import { constants, fitsImmediate, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { hiddenBindings } from "../comprehension-scopes.js";
import { assignedNames, walkStatements } from "../scopes.js";
import type { TypedProgram } from "../type-inference.js";

/**
 * Module variables that are constants in all but name (`MASK = 0xFFFFFFFF`, `N = 1000`): assigned
 * once, at the top level, to a literal, before the first statement that could run a function, and
 * never declared `global` in a function. Functions then use the value itself instead of loading it.
 */
export function findModuleConstants(program: TypedProgram): Map<string, Value> {
  const assignments = new Map<string, number>();
  for (const s of walkStatements(program.tree.body)) {
    const names = [...[...assignedNames(s)].map((n) => n.id), ...hiddenBindings(s)];
    for (const name of names) assignments.set(name, (assignments.get(name) ?? 0) + 1);
  }
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
  if (int !== null) return fitsImmediate(int) ? constants.immediate(int) : null;
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
export function isLiteral(e: ast.expr): boolean {
  if (e._type === "Constant") return true;
  return e._type === "UnaryOp" && (e.op._type === "USub" || e.op._type === "UAdd") && e.operand._type === "Constant";
}

/**
 * A tuple display of literals (`(None, None)`, `((0, 1), (1, 0))`): CPython makes it once, as a
 * constant of its code object, and so do we (one object for the program, made before the module body
 * runs; see constant-tuples.ts).
 */
export function isConstantTuple(e: ast.expr): e is ast.Tuple {
  return e._type === "Tuple" && e.elts.length > 0 && e.elts.every((x) => isConstantTuple(x) || isPlainLiteral(x));
}

function isPlainLiteral(e: ast.expr): boolean {
  const plain = (c: ast.expr) =>
    c._type === "Constant" && (c.value === null || ["boolean", "bigint", "number", "string"].includes(typeof c.value));
  const number = (c: ast.expr) => c._type === "Constant" && ["boolean", "bigint", "number"].includes(typeof c.value);
  return plain(e) || (e._type === "UnaryOp" && e.op._type === "USub" && number(e.operand));
}

/**
 * The exact value of an expression made of int literals, as CPython's optimizer computes it at
 * compile time. Null when the value is not a compile-time constant, the operation would raise, or
 * computing it could take long (CPython leaves those to run time too).
 */
export function foldIntConstant(e: ast.expr): bigint | null {
  if (e._type === "Constant") {
    if (typeof e.value === "bigint") return e.value;
    if (typeof e.value === "boolean") return e.value ? 1n : 0n;
    return null;
  }
  if (e._type === "UnaryOp") {
    const v = foldIntConstant(e.operand);
    if (v === null) return null;
    return e.op._type === "USub" ? -v : e.op._type === "UAdd" ? v : e.op._type === "Invert" ? -v - 1n : null;
  }
  if (e._type !== "BinOp") return null;
  const a = foldIntConstant(e.left);
  const b = foldIntConstant(e.right);
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
