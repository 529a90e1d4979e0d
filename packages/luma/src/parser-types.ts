// Types and type parameter lists. `<` after a name opens type arguments only here, in a type
// position (an annotation, a parameter, a return type, a cast, `sizeof`); in an expression `<` is
// always less-than, and a generic's arguments come from annotations and arguments instead.

import type { ArrayType, FunctionType, NamedType, TypeNode, TypeParameter } from "./ast.js";
import type { ParserCursor } from "./parser-cursor.js";
import { parseExpression } from "./parser-expressions.js";

/**
 * Names of built-in scalar types. They take no type arguments, so a `<` after one is left for the
 * expression around it: `x as i64 < y` compares, where `x as T < y` would open `T`'s arguments.
 */
const SCALAR_TYPE_NAMES: ReadonlySet<string> = new Set([
  "i8",
  "i16",
  "i32",
  "i64",
  "u8",
  "u16",
  "u32",
  "u64",
  "f32",
  "f64",
  "bool",
  "string",
]);

export function parseType(p: ParserCursor): TypeNode {
  p.enterNesting();
  let type: TypeNode;
  switch (p.token.kind) {
    case "Identifier":
      type = parseNamedType(p);
      break;
    case "[":
      type = parseArrayType(p);
      break;
    case "func":
      type = parseFunctionType(p);
      break;
    default:
      p.failExpected("a type");
  }
  p.leaveNesting();
  return type;
}

/** `Name` or `Name<A, B>`: also the target of an `impl`. */
export function parseNamedType(p: ParserCursor): NamedType {
  const name = p.expectIdentifier("a type name");
  if (!p.at("<") || SCALAR_TYPE_NAMES.has(name.name)) {
    return { kind: "NamedType", name, typeArguments: [], start: name.start, end: name.end };
  }
  const list = p.delimited("<", ">", "a type argument", () => parseType(p));
  return { kind: "NamedType", name, typeArguments: list.items, start: name.start, end: list.end };
}

/** `[N]T`: the length first, as it is read ("an array of N T"). */
function parseArrayType(p: ParserCursor): ArrayType {
  const opener = p.advance();
  const saved = p.noStructLiteral;
  p.noStructLiteral = false;
  const length = parseExpression(p);
  p.noStructLiteral = saved;
  p.expect("]", { opener, help: ["a fixed array type is written `[N]T`, as in `[4]i64`"] });
  const element = parseType(p);
  return { kind: "ArrayType", length, element, start: opener.start, end: element.end };
}

/** `func(A, B) -> R`, or `func(A)` for a function that returns no value. */
function parseFunctionType(p: ParserCursor): FunctionType {
  const keyword = p.advance();
  const list = p.delimited("(", ")", "a parameter type", () => parseType(p));
  const returnType = p.eat("->") ? parseType(p) : null;
  return {
    kind: "FunctionType",
    parameters: list.items,
    returnType,
    start: keyword.start,
    end: returnType === null ? list.end : returnType.end,
  };
}

/** `<T, U>` after a generic declaration's name (or after `impl`). */
export function parseTypeParameters(p: ParserCursor): TypeParameter[] {
  if (!p.at("<")) return [];
  return p.delimited("<", ">", "a type parameter", () => {
    const name = p.expectIdentifier("a type parameter name");
    const parameter: TypeParameter = { kind: "TypeParameter", name, start: name.start, end: name.end };
    return parameter;
  }).items;
}
