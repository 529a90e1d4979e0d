// The static types of the compiled subset and Python's typing rules for its operators. Inference and
// lowering both ask these functions, so an expression has one type in both.
//
// Types are data, as the IR's are: interned objects compared with `===`, each with a `kind`. The
// subset has the five scalar types, one object each. Types with parts (`Optional[T]`, unions,
// `list[T]`, `tuple[...]`) will be interned by their parts' identities, as the IR interns its
// composite types, so that `===` stays type equality; each gets a kind of its own.

import type * as ast from "./ast.js";

export type PyTypeKind = "int" | "float" | "bool" | "None" | "str";

export interface PyType {
  readonly kind: PyTypeKind;
  /** The type as an annotation spells it and our messages print it: `int`, `None`. */
  readonly text: string;
  /** The name of its class, as CPython's messages print it: `int`, `NoneType`. */
  readonly className: string;
}

function scalar(kind: PyTypeKind, className: string = kind): PyType {
  return { kind, text: kind, className };
}

/** The scalar types, one object each. */
export const pyTypes = {
  int: scalar("int"),
  float: scalar("float"),
  bool: scalar("bool"),
  none: scalar("None", "NoneType"),
  str: scalar("str"),
} as const;

/** The types an annotation may name (`None` is a constant, not a name). */
export const ANNOTATION_NAMES: ReadonlyMap<string, PyType> = new Map(
  [pyTypes.int, pyTypes.float, pyTypes.bool, pyTypes.str].map((t) => [t.text, t]),
);

export function isNumeric(type: PyType): boolean {
  return type === pyTypes.int || type === pyTypes.float || type === pyTypes.bool;
}

/** int and bool compute as int; float wins over both. */
export function numericJoin(a: PyType, b: PyType): PyType {
  return a === pyTypes.float || b === pyTypes.float ? pyTypes.float : pyTypes.int;
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
  const { int, float, bool, str } = pyTypes;
  if (a === str || b === str) {
    if (op === "Add" && a === str && b === str) return str;
    return `unsupported: operator ${operatorSymbol(op)} between ${a.text} and ${b.text}`;
  }
  if (!isNumeric(a) || !isNumeric(b)) {
    return `unsupported operand type(s) for ${operatorSymbol(op)}: '${a.className}' and '${b.className}'`;
  }
  switch (op) {
    case "Add":
    case "Sub":
    case "Mult":
    case "FloorDiv":
    case "Mod":
      return numericJoin(a, b);
    case "Div":
      return float;
    case "Pow":
      if (a === float || b === float) return float;
      return constantExponent !== null && constantExponent < 0n ? float : int;
    case "LShift":
    case "RShift":
    case "BitAnd":
    case "BitOr":
    case "BitXor":
      if (a === float || b === float) {
        return `unsupported operand type(s) for ${operatorSymbol(op)}: '${a.className}' and '${b.className}'`;
      }
      // True & False is a bool; anything with an int is an int.
      return a === bool && b === bool && op !== "LShift" && op !== "RShift" ? bool : int;
    case "MatMult":
      return "unsupported: matrix multiplication (@)";
  }
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
