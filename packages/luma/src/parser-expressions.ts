// Expressions, by precedence climbing. From loosest to tightest:
//
//   a..b                      range (not associative)
//   ||                        logical or
//   &&                        logical and
//   == != < <= > >=           comparison (not associative: `a < b < c` is an error, as in Rust)
//   |   ^   &                 bitwise or, xor, and (tighter than comparison, unlike C)
//   << >>                     shifts
//   + -                       additive
//   * / %                     multiplicative
//   as                        cast (`-x as f64` casts `-x`)
//   - ! ~ & @                 prefix: negate, not, bitwise not, address of, dereference
//   **                        power, right-associative, tighter than a prefix on its left
//                             (`-x ** 2` is `-(x ** 2)`, as in mathematics and Python)
//   f(…) a[i] a.b e?          postfix
//
// Because comparisons do not chain, `name < T > (…)` can never be a valid comparison, and the parser
// recognises that shape, and `Array<T>::new()`, as type arguments written in an expression, which
// LumaScript leaves to annotations: `let xs: Array<i64> = Array::new();`.

import type {
  AllocExpression,
  ArrayLiteral,
  ArrayRepeatLiteral,
  BinaryOperator,
  Block,
  ClosureExpression,
  ClosureParameter,
  Expression,
  FieldInitializer,
  SizeofExpression,
  StructLiteral,
  UnaryOperator,
} from "./ast.js";
import type { ParserCursor } from "./parser-cursor.js";
import { parseBlock } from "./parser-statements.js";
import { parseType } from "./parser-types.js";
import { SyntaxCode } from "./syntax-diagnostics.js";
import type { Token } from "./tokens.js";

const PRECEDENCE: Readonly<Record<Exclude<BinaryOperator, "**">, number>> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 3,
  "<=": 3,
  ">": 3,
  ">=": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "<<": 7,
  ">>": 7,
  "+": 8,
  "-": 8,
  "*": 9,
  "/": 9,
  "%": 9,
};

const COMPARISON = 3;

/** Operators whose token is their spelling; `>`'s family is read from adjacent `>` and `=` tokens. */
const SINGLE_TOKEN_OPERATORS: ReadonlySet<string> = new Set([
  "||",
  "&&",
  "==",
  "!=",
  "<",
  "<=",
  "|",
  "^",
  "&",
  "<<",
  "+",
  "-",
  "*",
  "/",
  "%",
]);

/** The binary operator at the cursor and how many tokens spell it, or null. */
function binaryOperatorAt(p: ParserCursor): { operator: Exclude<BinaryOperator, "**">; tokens: number } | null {
  const token = p.token;
  if (SINGLE_TOKEN_OPERATORS.has(token.kind)) {
    return { operator: token.kind as Exclude<BinaryOperator, "**" | ">" | ">=" | ">>">, tokens: 1 };
  }
  if (token.kind !== ">") return null;
  const next = p.peek();
  if (!p.adjacent(token, next)) return { operator: ">", tokens: 1 };
  if (next.kind === "=") return { operator: ">=", tokens: 2 };
  if (next.kind === ">") {
    const third = p.peek(2);
    // `>>=` is an assignment, which the statement parser reads.
    if (third.kind === "=" && p.adjacent(next, third)) return null;
    return { operator: ">>", tokens: 2 };
  }
  return { operator: ">", tokens: 1 };
}

/** A whole expression, ranges included. */
export function parseExpression(p: ParserCursor): Expression {
  p.enterNesting();
  const lower = parseBinary(p, 1);
  let expression = lower;
  if (p.eat("..")) {
    const upper = parseBinary(p, 1);
    expression = { kind: "Range", lower, upper, start: lower.start, end: upper.end };
  }
  p.leaveNesting();
  return expression;
}

/** An expression inside brackets, where `Name {` is a struct literal again whatever surrounds it. */
export function parseEnclosedExpression(p: ParserCursor): Expression {
  const saved = p.noStructLiteral;
  p.noStructLiteral = false;
  const expression = parseExpression(p);
  p.noStructLiteral = saved;
  return expression;
}

function parseBinary(p: ParserCursor, minPrecedence: number): Expression {
  let left = parseCast(p);
  let leftIsComparison = false;
  for (;;) {
    const found = binaryOperatorAt(p);
    if (found === null) return left;
    const precedence = PRECEDENCE[found.operator];
    if (precedence < minPrecedence) return left;
    const operatorToken = p.token;
    if (precedence === COMPARISON) {
      if (found.operator === "<" && left.kind === "Name") refuseTypeArguments(p);
      if (leftIsComparison) {
        p.report({
          code: SyntaxCode.ChainedComparison,
          message: `comparison operators cannot be chained: found \`${found.operator}\` after a comparison`,
          start: operatorToken.start,
          end: p.peek(found.tokens - 1).end,
          help: ["compare twice and join with `&&`: `a < b && b < c`"],
        });
      }
    }
    for (let i = 0; i < found.tokens; i++) p.advance();
    const right = parseBinary(p, precedence + 1);
    left = { kind: "Binary", operator: found.operator, left, right, start: left.start, end: right.end };
    leftIsComparison = precedence === COMPARISON;
  }
}

/**
 * At `<` after a name: if what follows reads as type arguments closed by `>` and then followed by
 * `(` or `::`, the programmer wrote `max<f64>(…)` or `Array<i64>::new()`; say what to write instead.
 * With a comma inside, `f(a < b, c > (d))` is two comparisons, and only `::` after `>` settles it.
 */
function refuseTypeArguments(p: ParserCursor): void {
  const scan = scanTypeArguments(p);
  if (scan === null) return;
  const after = p.tokens[scan.close + 1]!;
  if (after.kind === "::" || (after.kind === "(" && !scan.sawComma)) failTypeArguments(p, scan.close);
}

/** From the `<` at the cursor: the index of its `>` if only tokens of types lie between, else null. */
function scanTypeArguments(p: ParserCursor): { close: number; sawComma: boolean } | null {
  let angle = 0;
  let sawComma = false;
  for (let i = p.position; i < p.tokens.length; i++) {
    const kind = p.tokens[i]!.kind;
    if (kind === "<") angle++;
    else if (kind === ">") angle--;
    else if (!TYPE_ARGUMENT_TOKENS.has(kind)) return null;
    if (kind === "," && angle === 1) sawComma = true;
    if (angle === 0) return { close: i, sawComma };
  }
  return null;
}

/** Reports type arguments written in an expression, from the cursor's `<` to the token at `close`. */
function failTypeArguments(p: ParserCursor, close: number): never {
  return p.fail({
    code: SyntaxCode.TypeArgumentsInExpression,
    message: "type arguments cannot be written in an expression",
    start: p.token.start,
    end: p.tokens[close]!.end,
    label: "type arguments",
    help: ["give the type in an annotation and let the call infer it: `let xs: Array<i64> = Array::new();`"],
  });
}

const TYPE_ARGUMENT_TOKENS: ReadonlySet<string> = new Set(["Identifier", ",", "[", "]", "Integer", "func", "->"]);

function parseCast(p: ParserCursor): Expression {
  let operand = parseUnary(p);
  while (p.eat("as")) {
    const type = parseType(p);
    operand = { kind: "Cast", operand, type, start: operand.start, end: type.end };
  }
  return operand;
}

const UNARY_OPERATORS: ReadonlySet<string> = new Set(["-", "!", "~"]);

function parseUnary(p: ParserCursor): Expression {
  const token = p.token;
  if (!UNARY_OPERATORS.has(token.kind) && token.kind !== "&" && token.kind !== "&&" && token.kind !== "@") {
    return parsePower(p);
  }
  p.enterNesting();
  p.advance();
  const operand = parseUnary(p);
  p.leaveNesting();
  const end = operand.end;
  switch (token.kind) {
    case "@":
      return { kind: "Dereference", operand, start: token.start, end };
    case "&":
      return { kind: "AddressOf", operand, start: token.start, end };
    case "&&": {
      // `&&x` is the address of `&x`: the tokenizer read the two `&` as one token.
      const inner: Expression = { kind: "AddressOf", operand, start: token.start + 1, end };
      return { kind: "AddressOf", operand: inner, start: token.start, end };
    }
    default:
      return { kind: "Unary", operator: token.kind as UnaryOperator, operand, start: token.start, end };
  }
}

function parsePower(p: ParserCursor): Expression {
  const base = parsePostfix(p);
  if (!p.eat("**")) return base;
  p.enterNesting();
  const exponent = parseUnary(p);
  p.leaveNesting();
  return { kind: "Binary", operator: "**", left: base, right: exponent, start: base.start, end: exponent.end };
}

function parsePostfix(p: ParserCursor): Expression {
  let expression = parsePrimary(p);
  for (;;) {
    switch (p.token.kind) {
      case "(": {
        const list = p.delimited("(", ")", "an argument", () => parseEnclosedExpression(p));
        expression = {
          kind: "Call",
          callee: expression,
          arguments: list.items,
          start: expression.start,
          end: list.end,
        };
        break;
      }
      case "[": {
        const opener = p.advance();
        const index = parseEnclosedExpression(p);
        const closer = p.expect("]", { opener });
        expression = { kind: "Index", object: expression, index, start: expression.start, end: closer.end };
        break;
      }
      case ".": {
        p.advance();
        const field = p.expectIdentifier("a field or method name after `.`");
        expression = { kind: "FieldAccess", object: expression, field, start: expression.start, end: field.end };
        break;
      }
      case "?": {
        const question = p.advance();
        expression = { kind: "Try", operand: expression, start: expression.start, end: question.end };
        break;
      }
      default:
        return expression;
    }
  }
}

function parsePrimary(p: ParserCursor): Expression {
  const token = p.token;
  switch (token.kind) {
    case "Integer":
      p.advance();
      return { kind: "IntegerLiteral", value: token.value as bigint, start: token.start, end: token.end };
    case "Float":
      p.advance();
      return { kind: "FloatLiteral", value: token.value as number, start: token.start, end: token.end };
    case "String":
      p.advance();
      return { kind: "StringLiteral", value: token.value as string, start: token.start, end: token.end };
    case "true":
    case "false":
      p.advance();
      return { kind: "BooleanLiteral", value: token.kind === "true", start: token.start, end: token.end };
    case "self":
      p.advance();
      return { kind: "Self", start: token.start, end: token.end };
    case "Identifier":
      return parseNameOrPath(p);
    case "(": {
      const opener = p.advance();
      const inner = parseEnclosedExpression(p);
      const help = p.at("=") ? ["to compare two values, write `==`"] : [];
      const closer = p.expect(")", { opener, help });
      // The parentheses belong to the expression's span, so a diagnostic underlines them too.
      return { ...inner, start: opener.start, end: closer.end };
    }
    case "[":
      return parseArrayLiteral(p);
    case "|":
    case "||":
      return parseClosure(p);
    default:
      return p.failExpected("an expression", {
        help: token.kind === "else" ? ["an `else` follows the `}` of an `if`; this one has no `if` before it"] : [],
      });
  }
}

/** `name`, `Type::member`, `Point { … }`, `sizeof(T)` or `alloc(T, n)`. */
function parseNameOrPath(p: ParserCursor): Expression {
  const token = p.token;
  const name = token.value as string;
  if ((name === "sizeof" || name === "alloc") && p.peek().kind === "(") return parseTypeBuiltin(p, name);
  p.advance();
  if (p.at("::")) {
    p.advance();
    if (p.at("<")) failTypeArguments(p, scanTypeArguments(p)?.close ?? p.position);
    const member = p.expectIdentifier("a member name after `::`");
    if (p.at("::")) {
      p.failExpected("the end of the path", {
        help: ["a path has two parts, `Type::member`, as in `Point::new` or `Shape::Circle`"],
      });
    }
    const owner = { kind: "Identifier" as const, name, start: token.start, end: token.end };
    return { kind: "Path", owner, member, start: token.start, end: member.end };
  }
  if (!p.noStructLiteral && p.at("{") && startsStructLiteralBody(p)) return parseStructLiteral(p, token);
  return { kind: "Name", name, start: token.start, end: token.end };
}

/** After `Name`, `{ }` or `{ field:` is a struct literal; anything else is a block that follows. */
function startsStructLiteralBody(p: ParserCursor): boolean {
  const next = p.peek();
  return next.kind === "}" || (next.kind === "Identifier" && p.peek(2).kind === ":");
}

function parseStructLiteral(p: ParserCursor, nameToken: Token): StructLiteral {
  const type = {
    kind: "Identifier" as const,
    name: nameToken.value as string,
    start: nameToken.start,
    end: nameToken.end,
  };
  const list = p.delimited("{", "}", "a field", (): FieldInitializer => {
    const name = p.expectIdentifier("a field name");
    p.expect(":", { help: ["a struct literal gives each field as `name: value`"] });
    const value = parseEnclosedExpression(p);
    return { kind: "FieldInitializer", name, value, start: name.start, end: value.end };
  });
  return { kind: "StructLiteral", type, fields: list.items, start: nameToken.start, end: list.end };
}

/** `sizeof(T)` and `alloc(T, n)`: calls whose first argument is a type, not a value. */
function parseTypeBuiltin(p: ParserCursor, name: "sizeof" | "alloc"): SizeofExpression | AllocExpression {
  const nameToken = p.advance();
  const opener = p.advance();
  const type = parseType(p);
  if (name === "sizeof") {
    const closer = p.expect(")", { opener, help: ["`sizeof` takes one type: `sizeof(i64)`"] });
    return { kind: "Sizeof", type, start: nameToken.start, end: closer.end };
  }
  p.expect(",", { help: ["`alloc` takes a type and a count: `alloc(i64, n)`"] });
  const count = parseEnclosedExpression(p);
  p.eat(",");
  const closer = p.expect(")", { opener });
  return { kind: "Alloc", type, count, start: nameToken.start, end: closer.end };
}

/** `[1, 2, 3]`, `[]`, or the repeat form `[0; 64]`. */
function parseArrayLiteral(p: ParserCursor): ArrayLiteral | ArrayRepeatLiteral {
  const opener = p.advance();
  if (p.at("]")) {
    return { kind: "ArrayLiteral", elements: [], start: opener.start, end: p.advance().end };
  }
  const first = parseEnclosedExpression(p);
  if (p.eat(";")) {
    const count = parseEnclosedExpression(p);
    const closer = p.expect("]", { opener });
    return { kind: "ArrayRepeat", value: first, count, start: opener.start, end: closer.end };
  }
  const elements = [first];
  while (p.eat(",")) {
    if (p.at("]")) break;
    elements.push(parseEnclosedExpression(p));
  }
  if (!p.at("]")) p.failExpected("`,` or `]` after an array element", { opener });
  return { kind: "ArrayLiteral", elements, start: opener.start, end: p.advance().end };
}

/** `|a, b| a + b`, `|| 0`, `|x: i64| -> i64 { return x; }`. */
function parseClosure(p: ParserCursor): ClosureExpression {
  const start = p.token.start;
  let parameters: ClosureParameter[] = [];
  if (!p.eat("||")) {
    parameters = p.delimited("|", "|", "a closure parameter", (): ClosureParameter => {
      const name = p.expectIdentifier("a parameter name");
      const type = p.eat(":") ? parseType(p) : null;
      return { kind: "ClosureParameter", name, type, start: name.start, end: type === null ? name.end : type.end };
    }).items;
  }
  const returnType = p.eat("->") ? parseType(p) : null;
  let body: Expression | Block;
  if (returnType !== null && !p.at("{")) {
    p.failExpected("`{` to start the closure's body", {
      help: ["a closure that declares its return type has a block body: `|x: i64| -> i64 { return x; }`"],
    });
  }
  if (p.at("{")) {
    const saved = p.noStructLiteral;
    p.noStructLiteral = false;
    body = parseBlock(p);
    p.noStructLiteral = saved;
  } else {
    body = parseExpression(p);
  }
  return { kind: "Closure", parameters, returnType, body, start, end: body.end };
}
