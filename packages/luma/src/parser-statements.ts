// Statements and blocks. A block is a recovery point: a broken statement is skipped to its `;`, to
// the end of a `{ … }` it opened, or to the next statement keyword, and the block goes on, so each
// statement's errors are found. A declaration keyword inside a block means a `}` went missing.

import type {
  AssignmentOperator,
  Block,
  Expression,
  ForStatement,
  IfStatement,
  LetStatement,
  MatchArm,
  MatchStatement,
  ReturnStatement,
  Statement,
  WhileStatement,
} from "./ast.js";
import { type ParserCursor, STATEMENT_STARTS, type SyncStops, startsDeclaration } from "./parser-cursor.js";
import { parseEnclosedExpression, parseExpression } from "./parser-expressions.js";
import { parseForBinding, parsePattern } from "./parser-patterns.js";
import { parseType } from "./parser-types.js";
import { SyntaxCode } from "./syntax-diagnostics.js";
import type { Token } from "./tokens.js";

/** Where skipping stops after a broken statement. */
const STATEMENT_STOPS: SyncStops = {
  before: (token, next) => STATEMENT_STARTS.has(token.kind) || startsDeclaration(token, next),
  after: (token) => token.kind === ";",
  afterBlock: (following) => following.kind !== "else",
  unmatchedCloser: "brace",
};

/** Where skipping stops after a broken match arm: after its block, at the next `,`, or at a statement
 * (no pattern starts with a statement keyword, so the match's `}` is missing). */
const ARM_STOPS: SyncStops = {
  before: (token, next) => STATEMENT_STARTS.has(token.kind) || startsDeclaration(token, next),
  after: (token) => token.kind === ",",
  afterBlock: () => true,
  unmatchedCloser: "brace",
};

/** `{ statement … }`: a function's body, a branch, a loop's body, an arm, a closure's body, a scope. */
export function parseBlock(p: ParserCursor): Block {
  return parseBlockAfter(p, p.expect("{"));
}

/**
 * The statements of a block and its `}`, the `{` being `opener`. A function whose `{` is missing
 * passes a stand-in opener, so that its body is still read statement by statement.
 */
export function parseBlockAfter(p: ParserCursor, opener: Token): Block {
  p.enterNesting();
  const statements: Statement[] = [];
  for (;;) {
    const token = p.token;
    if (token.kind === "}") break;
    if (token.kind === "EndOfFile" || p.atDeclaration()) {
      p.reportUnclosed(opener, "block");
      p.leaveNesting();
      return { kind: "Block", statements, start: opener.start, end: p.previous.end };
    }
    const before = p.position;
    const context = p.saveContext();
    try {
      const statement = parseStatement(p);
      if (statement !== null) statements.push(statement);
    } catch (caught) {
      p.recover(caught, context, STATEMENT_STOPS);
    }
    if (p.position === before) p.skipOne();
  }
  const closer = p.advance();
  p.leaveNesting();
  return { kind: "Block", statements, start: opener.start, end: closer.end };
}

/** One statement, or null for a lone `;` (an empty statement, allowed and dropped). */
function parseStatement(p: ParserCursor): Statement | null {
  switch (p.token.kind) {
    case ";":
      p.advance();
      return null;
    case "let":
      return parseLet(p);
    case "const":
      return parseLocalConst(p);
    case "if":
      return parseIf(p);
    case "while":
      return parseWhile(p);
    case "for":
      return parseFor(p);
    case "match":
      return parseMatch(p);
    case "return":
      return parseReturn(p);
    case "break":
    case "continue": {
      const keyword = p.advance();
      p.expectSemicolon();
      return { kind: keyword.kind === "break" ? "Break" : "Continue", start: keyword.start, end: p.previous.end };
    }
    case "{":
      return parseBlock(p);
    default:
      return parseExpressionStatement(p);
  }
}

/** `let x = e;` or `let x: T = e;`. */
function parseLet(p: ParserCursor): LetStatement {
  const keyword = p.advance();
  if (p.token.kind === "Identifier" && p.token.value === "mut" && p.peek().kind === "Identifier") {
    p.failExpected("a variable name", { help: ["variables declared with `let` are already mutable; remove `mut`"] });
  }
  const name = p.expectIdentifier("a variable name after `let`");
  const type = p.eat(":") ? parseType(p) : null;
  if (!p.at("=")) {
    p.failExpected(type === null ? "`:` or `=`" : "`=`", {
      help: ["a variable starts with a value: `let x = 0;` or `let x: i64 = 0;`"],
    });
  }
  p.advance();
  const value = parseExpression(p);
  p.expectSemicolon();
  return { kind: "Let", name, type, value, start: keyword.start, end: p.previous.end };
}

/** `const` inside a function: refused with a hint, and read as the `let` it most likely means. */
function parseLocalConst(p: ParserCursor): LetStatement {
  const keyword = p.token;
  p.report({
    code: SyntaxCode.MisplacedItem,
    message: "`const` is allowed only at top level, found it inside a function",
    start: keyword.start,
    end: keyword.end,
    help: ["declare a local value with `let`, or move the constant out of the function"],
  });
  return parseLet(p);
}

/** `if (c) { … }` with its `else if` and `else` branches. */
function parseIf(p: ParserCursor): IfStatement {
  p.enterNesting();
  const keyword = p.advance();
  const condition = parseCondition(p, "if");
  const thenBlock = parseBlock(p);
  let elseBranch: Block | IfStatement | null = null;
  if (p.eat("else")) elseBranch = p.at("if") ? parseIf(p) : parseBlock(p);
  p.leaveNesting();
  const end = (elseBranch ?? thenBlock).end;
  return { kind: "If", condition, thenBlock, elseBranch, start: keyword.start, end };
}

function parseWhile(p: ParserCursor): WhileStatement {
  const keyword = p.advance();
  const condition = parseCondition(p, "while");
  const body = parseBlock(p);
  return { kind: "While", condition, body, start: keyword.start, end: body.end };
}

/**
 * The parenthesised condition of `if` and `while`. Without the parentheses the error is reported and
 * the condition read as written (up to the `{`), so the statement's body is still checked.
 */
function parseCondition(p: ParserCursor, keyword: "if" | "while"): Expression {
  if (p.at("(")) {
    const opener = p.advance();
    const condition = parseEnclosedExpression(p);
    const help = p.at("=") ? ["to compare two values, write `==`"] : [];
    p.expect(")", { opener, help });
    if (!p.at("{")) {
      p.failExpected(`\`{\` after the condition of \`${keyword}\``, {
        help: [`the whole condition goes inside the parentheses: \`${keyword} (a && b) { … }\``],
      });
    }
    return condition;
  }
  const found = p.token;
  const saved = p.noStructLiteral;
  p.noStructLiteral = true;
  const condition = parseExpression(p);
  p.noStructLiteral = saved;
  const written = p.source.text.slice(condition.start, condition.end);
  p.report({
    code: SyntaxCode.ConditionWithoutParentheses,
    message: `expected \`(\` after \`${keyword}\`, found ${p.describe(found)}`,
    start: condition.start,
    end: condition.end,
    label: "this condition needs parentheses",
    help: [
      written.length <= 40 && !written.includes("\n")
        ? `write \`${keyword} (${written}) {\``
        : `put the condition in parentheses: \`${keyword} (…) {\``,
    ],
  });
  return condition;
}

/** `for binding in iterable { … }`; the iterable is read without struct literals, so its `{` opens the body. */
function parseFor(p: ParserCursor): ForStatement | Block {
  const keyword = p.advance();
  if (p.at("(") && p.peek().kind === "let") return parseCStyleFor(p);
  const binding = parseForBinding(p);
  p.expect("in", { help: ["a `for` loop is written `for x in xs { … }` or `for i in 0..n { … }`"] });
  const saved = p.noStructLiteral;
  p.noStructLiteral = true;
  const iterable = parseExpression(p);
  p.noStructLiteral = saved;
  const body = parseBlock(p);
  return { kind: "For", binding, iterable, body, start: keyword.start, end: body.end };
}

/**
 * `for (let i = 0; i < n; i++) { … }`, C's loop, which LumaScript does not have: reported once, its
 * header skipped, and its body read as a plain block so that the body's own errors are found.
 */
function parseCStyleFor(p: ParserCursor): Block {
  const opener = p.token;
  p.report({
    code: SyntaxCode.UnexpectedToken,
    message: "expected `for name in …`, found a C-style `for (let …; …; …)`",
    start: opener.start,
    end: p.peek().end,
    help: ["loop over a range instead: `for i in 0..n { … }`, or use `while (…) { … }`"],
  });
  let depth = 0;
  while (!p.at("EndOfFile")) {
    const kind = p.token.kind;
    p.skipOne();
    if (kind === "(") depth++;
    else if (kind === ")" && --depth === 0) break;
  }
  return parseBlock(p);
}

/** `match value { pattern => { … } … }`: a recovery point per arm. */
function parseMatch(p: ParserCursor): MatchStatement {
  const keyword = p.advance();
  const saved = p.noStructLiteral;
  p.noStructLiteral = true;
  const scrutinee = parseExpression(p);
  p.noStructLiteral = saved;
  const opener = p.expect("{", { help: ["a match lists its arms in braces: `match x { 1 => { … } _ => { … } }`"] });
  const arms: MatchArm[] = [];
  for (;;) {
    const token = p.token;
    if (token.kind === "}") break;
    if (token.kind === "EndOfFile" || p.atDeclaration() || STATEMENT_STARTS.has(token.kind)) {
      p.reportUnclosed(opener, "match");
      return { kind: "Match", scrutinee, arms, start: keyword.start, end: p.previous.end };
    }
    const before = p.position;
    const context = p.saveContext();
    try {
      arms.push(parseMatchArm(p));
    } catch (caught) {
      p.recover(caught, context, ARM_STOPS);
    }
    if (p.position === before) p.skipOne();
  }
  const closer = p.advance();
  return { kind: "Match", scrutinee, arms, start: keyword.start, end: closer.end };
}

function parseMatchArm(p: ParserCursor): MatchArm {
  const pattern = parsePattern(p);
  p.expect("=>", { help: ["an arm is written `pattern => { … }`"] });
  const body = p.at("{") ? parseBlock(p) : parseArmStatement(p);
  p.eat(",");
  return { kind: "MatchArm", pattern, body, start: pattern.start, end: body.end };
}

/**
 * An arm whose body is a statement without braces (`1 => return 1;`): reported, then read as a
 * block of that one statement, so that the arms after it are still read as arms.
 */
function parseArmStatement(p: ParserCursor): Block {
  const token = p.token;
  p.report({
    code: SyntaxCode.UnexpectedToken,
    message: `expected \`{\` to start the arm's body, found ${p.describe(token)}`,
    start: token.start,
    end: token.kind === "EndOfFile" ? token.start : token.end,
    help: ["an arm's body is a block: `Shape::Circle(r) => { return r; }`"],
  });
  const statement = parseStatement(p);
  const statements = statement === null ? [] : [statement];
  return { kind: "Block", statements, start: token.start, end: p.previous.end };
}

function parseReturn(p: ParserCursor): ReturnStatement {
  const keyword = p.advance();
  const token = p.token;
  const hasValue = token.kind !== ";" && token.kind !== "}" && token.kind !== "EndOfFile";
  const value = hasValue ? parseExpression(p) : null;
  p.expectSemicolon();
  return { kind: "Return", value, start: keyword.start, end: p.previous.end };
}

const SIMPLE_ASSIGNMENT_OPERATORS: ReadonlySet<string> = new Set([
  "=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "**=",
  "&=",
  "|=",
  "^=",
  "<<=",
]);

/** The assignment operator at the cursor and how many tokens spell it (`>>=` is three), or null. */
function assignmentOperatorAt(p: ParserCursor): { operator: AssignmentOperator; tokens: number } | null {
  const token = p.token;
  if (SIMPLE_ASSIGNMENT_OPERATORS.has(token.kind)) return { operator: token.kind as AssignmentOperator, tokens: 1 };
  const second = p.peek();
  const third = p.peek(2);
  const isShiftAssign =
    token.kind === ">" &&
    second.kind === ">" &&
    third.kind === "=" &&
    p.adjacent(token, second) &&
    p.adjacent(second, third);
  return isShiftAssign ? { operator: ">>=", tokens: 3 } : null;
}

/** The expressions that name a place a value can be stored into. */
const ASSIGNABLE_KINDS: ReadonlySet<string> = new Set(["Name", "FieldAccess", "Index", "Dereference"]);

/** `f(x);`, or an assignment `target = value;` / `target += value;`. */
function parseExpressionStatement(p: ParserCursor): Statement {
  const expression = parseExpression(p);
  const assignment = assignmentOperatorAt(p);
  if (assignment === null) {
    p.expectSemicolon();
    return { kind: "ExpressionStatement", expression, start: expression.start, end: p.previous.end };
  }
  if (!ASSIGNABLE_KINDS.has(expression.kind)) {
    p.report({
      code: SyntaxCode.InvalidAssignmentTarget,
      message: `expected a place to assign to before \`${assignment.operator}\`, found ${describeExpression(expression)}`,
      start: expression.start,
      end: expression.end,
      label: "cannot be assigned to",
      help: ["a variable (`x`), a field (`p.x`), an element (`xs[i]`) or a dereference (`@p`) can be assigned to"],
    });
  }
  for (let i = 0; i < assignment.tokens; i++) p.advance();
  const value = parseExpression(p);
  p.expectSemicolon();
  return {
    kind: "Assignment",
    operator: assignment.operator,
    target: expression,
    value,
    start: expression.start,
    end: p.previous.end,
  };
}

/** How a diagnostic names an expression that is not a place. */
function describeExpression(expression: Expression): string {
  switch (expression.kind) {
    case "Call":
      return "a call";
    case "IntegerLiteral":
    case "FloatLiteral":
    case "StringLiteral":
    case "BooleanLiteral":
    case "ArrayLiteral":
    case "ArrayRepeat":
    case "StructLiteral":
      return "a literal";
    case "Path":
      return "a path";
    case "Self":
      return "`self`";
    default:
      return "an expression";
  }
}
