// The static types of the compiled subset and Python's typing rules for its operators. Inference and
// lowering both ask these functions, so an expression has one type in both.

import { type IrType, strType, types } from "@toolchain/compiler";
import type * as ast from "./ast.js";

export type PyType = "int" | "float" | "bool" | "None" | "str";

export function irTypeOf(type: PyType): IrType {
  switch (type) {
    case "int":
      return types.i64;
    case "float":
      return types.f64;
    case "bool":
      return types.i1;
    case "None":
      return types.unit;
    case "str":
      return strType;
  }
}

export function isNumeric(type: PyType): boolean {
  return type === "int" || type === "float" || type === "bool";
}

/** int and bool compute as int; float wins over both. */
export function numericJoin(a: PyType, b: PyType): PyType {
  return a === "float" || b === "float" ? "float" : "int";
}

/**
 * The result type of `a <op> b`, or a message saying why Python would reject (or we cannot compile)
 * the combination. `constantExponent` is the right operand's value when it is a literal int.
 */
export function binaryResultType(
  op: ast.operator["_type"],
  a: PyType,
  b: PyType,
  constantExponent: bigint | null,
): PyType | string {
  if (a === "str" || b === "str") {
    if (op === "Add" && a === "str" && b === "str") return "str";
    return `unsupported: operator ${operatorSymbol(op)} between ${a} and ${b}`;
  }
  if (!isNumeric(a) || !isNumeric(b)) {
    return `unsupported operand type(s) for ${operatorSymbol(op)}: '${pythonTypeName(a)}' and '${pythonTypeName(b)}'`;
  }
  switch (op) {
    case "Add":
    case "Sub":
    case "Mult":
    case "FloorDiv":
    case "Mod":
      return numericJoin(a, b);
    case "Div":
      return "float";
    case "Pow":
      if (a === "float" || b === "float") return "float";
      return constantExponent !== null && constantExponent < 0n ? "float" : "int";
    case "LShift":
    case "RShift":
    case "BitAnd":
    case "BitOr":
    case "BitXor":
      if (a === "float" || b === "float") {
        return `unsupported operand type(s) for ${operatorSymbol(op)}: '${pythonTypeName(a)}' and '${pythonTypeName(b)}'`;
      }
      // True & False is a bool; anything with an int is an int.
      return a === "bool" && b === "bool" && op !== "LShift" && op !== "RShift" ? "bool" : "int";
    case "MatMult":
      return "unsupported: matrix multiplication (@)";
  }
}

export function pythonTypeName(type: PyType): string {
  return type === "None" ? "NoneType" : type;
}

export function operatorSymbol(op: ast.operator["_type"]): string {
  return OPERATOR_SYMBOLS[op];
}

const OPERATOR_SYMBOLS: Record<ast.operator["_type"], string> = {
  Add: "+",
  Sub: "-",
  Mult: "*",
  MatMult: "@",
  Div: "/",
  Mod: "%",
  Pow: "**",
  LShift: "<<",
  RShift: ">>",
  BitOr: "|",
  BitXor: "^",
  BitAnd: "&",
  FloorDiv: "//",
};
