// A recursive-descent parser for Python 3.11 that builds exactly CPython's AST. It follows the rule
// structure of CPython's Grammar/python.gram, so every node spans the same tokens as in CPython: a
// node starts at the first token of its rule and ends at the last non-whitespace token it consumed.
// Targets are parsed as expressions and converted afterwards (as CPython's own invalid_* rules
// reason about them); the few places where the grammar needs real backtracking (match statements,
// parenthesized with-items) restore the token index.

import type * as ast from "./ast.js";
import { PyEllipsis } from "./constant-value.js";
import { LiteralError } from "./literal-error.js";
import { parseNumberLiteral } from "./number-literal.js";
import { concatenateStrings } from "./string-concatenation.js";
import { PySyntaxError } from "./syntax-error.js";
import { Tok, tokenSpelling } from "./token-kind.js";
import { characterOffset, type SourceOrigin, type Tokens, tokenize } from "./tokenizer.js";

/** Parses decoded Python source into CPython's AST (`ast.parse(source)`). Throws PySyntaxError. */
export function parseModule(source: string, filename: string): ast.Module {
  const tokens = tokenize(source, filename);
  const parser = new Parser(tokens);
  try {
    return parser.parseFile();
  } catch (error) {
    throw preferTokenizerError(error, tokens, parser.furthestLine());
  }
}

/**
 * After a parse error CPython tokenizes the rest of the file, and an error the tokenizer finds there
 * wins; a bracket left open at the end wins only over an error on a later line than the bracket.
 */
function preferTokenizerError(error: unknown, tokens: Tokens, errorLine: number): unknown {
  const tokenError = tokens.error;
  if (!(error instanceof PySyntaxError) || tokenError === null || error === tokenError) return error;
  if (error.kind === "IndentationError" && error.msg.startsWith("unexpected ")) return error;
  if (tokens.errorIsRaisedByTokenizer) return tokenError;
  if (tokens.unclosedBracket && errorLine > tokenError.lineno) return tokenError;
  return error;
}

/** Parses an f-string field `(expr)` the way CPython 3.11 compiles it: as a starred expression. */
export function parseFStringExpression(source: string, filename: string, origin: SourceOrigin): ast.expr {
  return new Parser(tokenize(source, filename, origin)).parseFStringInput();
}

const LOAD: ast.Load = { _type: "Load" };
const STORE: ast.Store = { _type: "Store" };
const DEL: ast.Del = { _type: "Del" };

type Ctx = ast.expr_context;
type Positioned = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

const BINARY_OPS: Partial<Record<Tok, ast.operator>> = {
  [Tok.PLUS]: { _type: "Add" },
  [Tok.MINUS]: { _type: "Sub" },
  [Tok.STAR]: { _type: "Mult" },
  [Tok.AT]: { _type: "MatMult" },
  [Tok.SLASH]: { _type: "Div" },
  [Tok.PERCENT]: { _type: "Mod" },
  [Tok.DOUBLESTAR]: { _type: "Pow" },
  [Tok.LEFTSHIFT]: { _type: "LShift" },
  [Tok.RIGHTSHIFT]: { _type: "RShift" },
  [Tok.VBAR]: { _type: "BitOr" },
  [Tok.CIRCUMFLEX]: { _type: "BitXor" },
  [Tok.AMPER]: { _type: "BitAnd" },
  [Tok.DOUBLESLASH]: { _type: "FloorDiv" },
};

const AUGMENTED_OPS: Partial<Record<Tok, ast.operator>> = {
  [Tok.PLUSEQUAL]: BINARY_OPS[Tok.PLUS],
  [Tok.MINEQUAL]: BINARY_OPS[Tok.MINUS],
  [Tok.STAREQUAL]: BINARY_OPS[Tok.STAR],
  [Tok.ATEQUAL]: BINARY_OPS[Tok.AT],
  [Tok.SLASHEQUAL]: BINARY_OPS[Tok.SLASH],
  [Tok.PERCENTEQUAL]: BINARY_OPS[Tok.PERCENT],
  [Tok.DOUBLESTAREQUAL]: BINARY_OPS[Tok.DOUBLESTAR],
  [Tok.LEFTSHIFTEQUAL]: BINARY_OPS[Tok.LEFTSHIFT],
  [Tok.RIGHTSHIFTEQUAL]: BINARY_OPS[Tok.RIGHTSHIFT],
  [Tok.VBAREQUAL]: BINARY_OPS[Tok.VBAR],
  [Tok.CIRCUMFLEXEQUAL]: BINARY_OPS[Tok.CIRCUMFLEX],
  [Tok.AMPEREQUAL]: BINARY_OPS[Tok.AMPER],
  [Tok.DOUBLESLASHEQUAL]: BINARY_OPS[Tok.DOUBLESLASH],
};

/** Precedence level of each binary operator token between `|` (1) and `*` (6); 0 for the rest. */
const BINARY_LEVEL = new Uint8Array(256);
const TIGHTEST_BINARY_LEVEL = 6;
for (const [level, kinds] of [
  [1, [Tok.VBAR]],
  [2, [Tok.CIRCUMFLEX]],
  [3, [Tok.AMPER]],
  [4, [Tok.LEFTSHIFT, Tok.RIGHTSHIFT]],
  [5, [Tok.PLUS, Tok.MINUS]],
  [6, [Tok.STAR, Tok.SLASH, Tok.DOUBLESLASH, Tok.PERCENT, Tok.AT]],
] as const) {
  for (const kind of kinds) BINARY_LEVEL[kind] = level;
}

const COMPARE_OPS: Partial<Record<Tok, ast.cmpop>> = {
  [Tok.EQEQUAL]: { _type: "Eq" },
  [Tok.NOTEQUAL]: { _type: "NotEq" },
  [Tok.LESS]: { _type: "Lt" },
  [Tok.LESSEQUAL]: { _type: "LtE" },
  [Tok.GREATER]: { _type: "Gt" },
  [Tok.GREATEREQUAL]: { _type: "GtE" },
  [Tok.IN]: { _type: "In" },
  [Tok.IS]: { _type: "Is" },
};
const NOT_IN: ast.cmpop = { _type: "NotIn" };
const IS_NOT: ast.cmpop = { _type: "IsNot" };
const AND: ast.boolop = { _type: "And" };
const OR: ast.boolop = { _type: "Or" };
const NOT: ast.unaryop = { _type: "Not" };
const UNARY_OPS: Partial<Record<Tok, ast.unaryop>> = {
  [Tok.PLUS]: { _type: "UAdd" },
  [Tok.MINUS]: { _type: "USub" },
  [Tok.TILDE]: { _type: "Invert" },
};

/** Tokens that can start an expression (used where an expression is optional). */
const EXPRESSION_START = new Uint8Array(256);
for (const k of [
  Tok.NAME,
  Tok.NUMBER,
  Tok.STRING,
  Tok.LPAR,
  Tok.LSQB,
  Tok.LBRACE,
  Tok.MINUS,
  Tok.PLUS,
  Tok.TILDE,
  Tok.NOT,
  Tok.LAMBDA,
  Tok.AWAIT,
  Tok.STAR,
  Tok.ELLIPSIS,
  Tok.NONE,
  Tok.TRUE,
  Tok.FALSE,
]) {
  EXPRESSION_START[k] = 1;
}

export class Parser {
  private readonly kinds: Uint8Array;
  private pos = 0;
  /** The furthest token a failed parse looked at, as CPython's "last token fetched". */
  private furthest = 0;
  /** Set while re-parsing after an error, so that a second error does not start another re-parse. */
  private diagnosing = false;

  constructor(readonly tokens: Tokens) {
    this.kinds = tokens.kind;
  }

  // ---------------------------------------------------------------- entry points

  parseFile(): ast.Module {
    const body: ast.stmt[] = [];
    while (this.kinds[this.pos] !== Tok.ENDMARKER) {
      this.parseStatementInto(body);
    }
    return { _type: "Module", body, type_ignores: [] };
  }

  /** The line of the furthest token read, for deciding which error CPython would report. */
  furthestLine(): number {
    const i = Math.min(Math.max(this.furthest, this.pos), this.tokens.count - 1);
    return this.tokens.line[i]!;
  }

  parseFStringInput(): ast.expr {
    return this.parseStarExpressions();
  }

  // ---------------------------------------------------------------- token helpers

  private tok(): Tok {
    return this.kinds[this.pos] as Tok;
  }

  private peek(ahead: number): Tok {
    const i = this.pos + ahead;
    return (i < this.tokens.count ? this.kinds[i] : Tok.ENDMARKER) as Tok;
  }

  private accept(kind: Tok): boolean {
    if (this.kinds[this.pos] === kind) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(kind: Tok): number {
    if (this.kinds[this.pos] !== kind) this.expected(tokenSpelling(kind));
    return this.pos++;
  }

  /** Does a comprehension's `for` (or `async for`) start here? */
  private atComprehension(): boolean {
    return this.tok() === Tok.FOR || (this.tok() === Tok.ASYNC && this.peek(1) === Tok.FOR);
  }

  private isName(text: string, at = this.pos): boolean {
    const t = this.tokens;
    return (
      this.kinds[at] === Tok.NAME && t.end[at] - t.start[at] === text.length && t.source.startsWith(text, t.start[at])
    );
  }

  private nameText(i: number): string {
    const text = this.tokens.text(i);
    // Identifiers are NFKC-normalised (PEP 3131); ASCII names are already normal.
    return isAscii(text) ? text : text.normalize("NFKC");
  }

  /** Fills in the span from token `start` to the last non-whitespace token consumed. */
  private at<T extends object>(start: number, node: T): T & Positioned {
    const t = this.tokens;
    let end = this.pos - 1;
    while (end > start && isWhitespaceToken(this.kinds[end]!)) end--;
    const n = node as T & Positioned;
    n.lineno = t.line[start]!;
    n.col_offset = t.col[start]!;
    n.end_lineno = t.endLine[end]!;
    n.end_col_offset = t.endCol[end]!;
    return n;
  }

  // ---------------------------------------------------------------- errors

  private tokenError(): never {
    throw this.tokens.error!;
  }

  /** Raises a SyntaxError at token `i` (CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION). */
  private errorAtToken(message: string, i = this.pos, endToken = i): never {
    if (this.kinds[i] === Tok.ERROR) this.tokenError();
    throw this.makeError("SyntaxError", message, i, endToken);
  }

  private makeError(
    kind: "SyntaxError" | "IndentationError",
    message: string,
    i: number,
    endToken = i,
    help: string | null = null,
  ): PySyntaxError {
    const t = this.tokens;
    const [line, offset] = this.characterPosition(i, t.start[i]!);
    const [endLine, endOffset] = this.characterPosition(endToken, t.end[endToken]!);
    return new PySyntaxError(kind, message, t.filename, line, offset, endLine, endOffset, null, help);
  }

  private unexpectedIndent(i: number): PySyntaxError {
    const help = "remove the extra indentation, or add a block header (such as `if ...:`) above this line";
    return this.makeError("IndentationError", "unexpected indent", i, i, help);
  }

  private errorAtNode(message: string, node: Positioned): never {
    const t = this.tokens;
    throw new PySyntaxError(
      "SyntaxError",
      message,
      t.filename,
      node.lineno,
      this.byteToCharOffset(node.lineno, node.col_offset),
      node.end_lineno,
      this.byteToCharOffset(node.end_lineno, node.end_col_offset),
    );
  }

  private characterPosition(i: number, sourceIndex: number): [number, number] {
    const t = this.tokens;
    const kind = this.kinds[i];
    if (kind === Tok.INDENT || kind === Tok.DEDENT) {
      // These tokens have no start in CPython; it reports where its tokenizer stands, 0-based.
      return [t.line[i]!, this.byteToCharOffset(t.line[i]!, t.endCol[i]!) - 1];
    }
    const line = sourceIndex === t.end[i] ? t.endLine[i]! : t.line[i]!;
    const col = sourceIndex === t.end[i] ? t.endCol[i]! : t.col[i]!;
    return [line, this.byteToCharOffset(line, col)];
  }

  /** CPython reports 1-based character offsets; our columns are UTF-8 byte offsets. */
  private byteToCharOffset(line: number, byteCol: number): number {
    const origin = this.tokens.origin;
    if (origin !== null) {
      // Inside an f-string field CPython reports columns within the field's own text.
      return line === origin.lineOffset + 1 ? byteCol - origin.firstLineColOffset + 1 : byteCol + 1;
    }
    return characterOffset(this.tokens.source, line, byteCol);
  }

  private expected(what: string): never {
    if (this.tok() === Tok.ERROR) this.tokenError();
    if (what === ":" || what === "'('" || what === "':'") this.errorAtToken(`expected '${what.replace(/'/g, "")}'`);
    this.invalidSyntax();
  }

  private invalidSyntax(): never {
    const i = this.pos;
    if (this.kinds[i] === Tok.ERROR) this.tokenError();
    if (this.kinds[i] === Tok.INDENT) throw this.unexpectedIndent(i);
    this.raiseSpecificSyntaxError(i);
    if (this.kinds[i] === Tok.DEDENT) {
      throw this.makeError("IndentationError", "unexpected unindent", i);
    }
    this.errorAtToken("invalid syntax", i);
  }

  /** The more helpful messages CPython's invalid_* rules give for a token that cannot follow. */
  private raiseSpecificSyntaxError(i: number): void {
    const k = this.kinds;
    if (this.diagnosing || !CAN_START_JUXTAPOSED[k[i]!] || i === 0 || !ENDS_OPERAND[k[i - 1]!]) return;
    const t = this.tokens;
    // `print x`: a Python 2 statement.
    if (k[i - 1] === Tok.NAME && k[i] !== Tok.LPAR) {
      const name = t.text(i - 1);
      if ((name === "print" || name === "exec") && (i < 2 || !ENDS_OPERAND[k[i - 2]!]) && k[i - 2] !== Tok.DOT) {
        throw this.makeError(
          "SyntaxError",
          `Missing parentheses in call to '${name}'. Did you mean ${name}(...)?`,
          i - 1,
          i,
          `call it: ${name}(...)`,
        );
      }
    }
    // Two operands in a row: CPython parses the second one (so a tokenizer error inside it comes first),
    // and inside brackets blames a missing comma.
    const save = this.pos;
    let end = i;
    try {
      this.diagnosing = true;
      this.pos = i;
      this.parseExpression();
      end = this.pos - 1;
    } catch (error) {
      if (error === t.error) throw error;
    } finally {
      this.diagnosing = false;
      this.furthest = Math.max(this.furthest, this.pos);
      this.pos = save;
    }
    const start = this.operandRunStart(i);
    if (start < 0) return;
    const single = start === i - 1 && k[start] === Tok.NAME;
    if (single && (k[i] === Tok.STRING || isSoftKeyword(t.text(start)))) return;
    throw this.makeError("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", start, end, "add a comma here");
  }

  /** The first token of the operand that ends just before token `i`, or -1 outside brackets. */
  private operandRunStart(i: number): number {
    const k = this.kinds;
    let depth = 0;
    let start = -1;
    for (let j = i - 1; j >= 0; j--) {
      const kind = k[j]!;
      if (kind === Tok.RPAR || kind === Tok.RSQB || kind === Tok.RBRACE) {
        depth++;
      } else if (kind === Tok.LPAR || kind === Tok.LSQB || kind === Tok.LBRACE) {
        // Parameter lists hold no expressions, so CPython has no comma hint there.
        if (depth === 0 && kind === Tok.LPAR && k[j - 1] === Tok.NAME && k[j - 2] === Tok.DEF) return -1;
        if (depth === 0) return start < 0 ? j + 1 : start;
        depth--;
      } else if (kind === Tok.NEWLINE || kind === Tok.INDENT || kind === Tok.DEDENT) {
        return -1;
      } else if (depth === 0 && start < 0 && OPERAND_SEPARATOR[kind]) {
        start = j + 1;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- statements

  private parseStatementInto(body: ast.stmt[]): void {
    switch (this.tok()) {
      case Tok.DEF:
      case Tok.CLASS:
      case Tok.AT:
      case Tok.IF:
      case Tok.WHILE:
      case Tok.FOR:
      case Tok.TRY:
      case Tok.WITH:
        body.push(this.parseCompoundStatement());
        return;
      case Tok.ASYNC:
        if (this.peek(1) === Tok.DEF || this.peek(1) === Tok.FOR || this.peek(1) === Tok.WITH) {
          body.push(this.parseCompoundStatement());
          return;
        }
        break;
      case Tok.NAME:
        if (this.isName("match")) {
          const match = this.tryParseMatch();
          if (match !== null) {
            body.push(match);
            return;
          }
        }
        break;
      case Tok.INDENT:
        throw this.unexpectedIndent(this.pos);
      case Tok.ERROR:
        this.tokenError();
        break;
    }
    this.parseSimpleStatementsInto(body);
  }

  private parseSimpleStatementsInto(body: ast.stmt[]): void {
    while (true) {
      body.push(this.parseSimpleStatement());
      if (this.accept(Tok.SEMI)) {
        if (this.tok() === Tok.NEWLINE) break;
        continue;
      }
      break;
    }
    if (this.tok() !== Tok.NEWLINE) this.invalidSyntax();
    this.pos++;
  }

  private parseCompoundStatement(): ast.stmt {
    switch (this.tok()) {
      case Tok.DEF:
        return this.parseFunctionDef(this.pos, []);
      case Tok.CLASS:
        return this.parseClassDef([]);
      case Tok.AT:
        return this.parseDecorated();
      case Tok.IF:
        return this.parseIf();
      case Tok.WHILE:
        return this.parseWhile();
      case Tok.FOR:
        return this.parseFor(this.pos, false);
      case Tok.TRY:
        return this.parseTry();
      case Tok.WITH:
        return this.parseWith(this.pos, false);
      case Tok.ASYNC: {
        const start = this.pos++;
        if (this.tok() === Tok.DEF) return this.parseFunctionDef(start, [], true);
        if (this.tok() === Tok.FOR) return this.parseFor(start, true);
        return this.parseWith(start, true);
      }
      default:
        this.invalidSyntax();
    }
  }

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts */
  private parseBlock(what: string, headerToken: number): ast.stmt[] {
    const body: ast.stmt[] = [];
    if (this.tok() === Tok.NEWLINE) {
      this.pos++;
      if (this.tok() !== Tok.INDENT) {
        if (this.tok() === Tok.ERROR) this.tokenError();
        throw this.makeError(
          "IndentationError",
          `expected an indented block after ${what} on line ${this.tokens.line[headerToken]}`,
          this.pos,
        );
      }
      this.pos++;
      while (this.tok() !== Tok.DEDENT) {
        if (this.tok() === Tok.ENDMARKER) break;
        this.parseStatementInto(body);
      }
      this.pos++;
      return body;
    }
    if (this.tok() === Tok.ERROR) this.tokenError();
    this.parseSimpleStatementsInto(body);
    return body;
  }

  private expectColon(): void {
    if (this.tok() !== Tok.COLON) {
      if (this.tok() === Tok.ERROR) this.tokenError();
      // CPython points at the end of the header line, where the colon belongs.
      if (this.tok() === Tok.NEWLINE) {
        throw this.makeError("SyntaxError", "expected ':'", this.pos, this.pos, "add ':' at the end of this line");
      }
      this.invalidSyntax();
    }
    this.pos++;
  }

  private parseDecorated(): ast.stmt {
    const decorators: ast.expr[] = [];
    while (this.accept(Tok.AT)) {
      decorators.push(this.parseNamedExpression());
      this.expect(Tok.NEWLINE);
    }
    if (this.tok() === Tok.DEF) return this.parseFunctionDef(this.pos, decorators);
    if (this.tok() === Tok.ASYNC && this.peek(1) === Tok.DEF) {
      const start = this.pos++;
      return this.parseFunctionDef(start, decorators, true);
    }
    if (this.tok() === Tok.CLASS) return this.parseClassDef(decorators);
    this.invalidSyntax();
  }

  private parseFunctionDef(start: number, decorators: ast.expr[], isAsync = false): ast.stmt {
    const defToken = this.expect(Tok.DEF);
    const nameToken = this.expect(Tok.NAME);
    const name = this.nameText(nameToken);
    if (this.tok() !== Tok.LPAR) this.errorAtToken("expected '('");
    this.pos++;
    const args = this.parseParameters(Tok.RPAR, true);
    this.expect(Tok.RPAR);
    let returns: ast.expr | null = null;
    if (this.accept(Tok.RARROW)) returns = this.parseExpression();
    this.expectColon();
    const body = this.parseBlock(`function definition`, defToken);
    const node = {
      _type: isAsync ? "AsyncFunctionDef" : "FunctionDef",
      name,
      args,
      body,
      decorator_list: decorators,
      returns,
      type_comment: null,
    } as ast.FunctionDef | ast.AsyncFunctionDef;
    return this.at(start, node);
  }

  private parseClassDef(decorators: ast.expr[]): ast.ClassDef {
    const start = this.expect(Tok.CLASS);
    const name = this.nameText(this.expect(Tok.NAME));
    let bases: ast.expr[] = [];
    let keywords: ast.keyword[] = [];
    if (this.accept(Tok.LPAR)) {
      [bases, keywords] = this.parseCallArguments();
      this.expect(Tok.RPAR);
    }
    this.expectColon();
    const body = this.parseBlock("class definition", start);
    return this.at(start, { _type: "ClassDef", name, bases, keywords, body, decorator_list: decorators });
  }

  private parseIf(): ast.If {
    const start = this.pos++;
    return this.parseIfRest(start, "'if' statement");
  }

  private parseIfRest(start: number, what: string): ast.If {
    const test = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock(what, start);
    let orelse: ast.stmt[] = [];
    if (this.tok() === Tok.ELIF) {
      const elifStart = this.pos++;
      orelse = [this.parseIfRest(elifStart, "'elif' statement")];
    } else if (this.tok() === Tok.ELSE) {
      orelse = this.parseElse();
    }
    return this.at(start, { _type: "If", test, body, orelse });
  }

  private parseElse(): ast.stmt[] {
    const elseToken = this.pos++;
    this.expectColon();
    return this.parseBlock("'else' statement", elseToken);
  }

  private parseWhile(): ast.While {
    const start = this.pos++;
    const test = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock("'while' statement", start);
    const orelse = this.tok() === Tok.ELSE ? this.parseElse() : [];
    return this.at(start, { _type: "While", test, body, orelse });
  }

  private parseFor(start: number, isAsync: boolean): ast.For | ast.AsyncFor {
    const forToken = this.expect(Tok.FOR);
    const target = this.parseStarTargets();
    this.expect(Tok.IN);
    const iter = this.parseStarExpressions();
    this.expectColon();
    const body = this.parseBlock("'for' statement", forToken);
    const orelse = this.tok() === Tok.ELSE ? this.parseElse() : [];
    const node = { _type: isAsync ? "AsyncFor" : "For", target, iter, body, orelse, type_comment: null };
    return this.at(start, node as ast.For | ast.AsyncFor);
  }

  private parseWith(start: number, isAsync: boolean): ast.With | ast.AsyncWith {
    const withToken = this.expect(Tok.WITH);
    let items: ast.withitem[] | null = null;
    if (this.tok() === Tok.LPAR) {
      // with ( item, ... ) :   is tried first; on failure the parenthesis belongs to an expression.
      const save = this.pos;
      try {
        this.pos++;
        const parenthesized: ast.withitem[] = [this.parseWithItem()];
        while (this.accept(Tok.COMMA)) {
          if (this.tok() === Tok.RPAR) break;
          parenthesized.push(this.parseWithItem());
        }
        this.expect(Tok.RPAR);
        if (this.tok() !== Tok.COLON) throw BACKTRACK;
        items = parenthesized;
      } catch (error) {
        if (error !== BACKTRACK && !(error instanceof PySyntaxError)) throw error;
        this.pos = save;
      }
    }
    if (items === null) {
      items = [this.parseWithItem()];
      while (this.accept(Tok.COMMA)) items.push(this.parseWithItem());
    }
    this.expectColon();
    const body = this.parseBlock("'with' statement", withToken);
    const node = { _type: isAsync ? "AsyncWith" : "With", items, body, type_comment: null };
    return this.at(start, node as ast.With | ast.AsyncWith);
  }

  private parseWithItem(): ast.withitem {
    const context_expr = this.parseExpression();
    let optional_vars: ast.expr | null = null;
    if (this.accept(Tok.AS)) optional_vars = this.parseStarTarget();
    return { _type: "withitem", context_expr, optional_vars };
  }

  private parseTry(): ast.Try | ast.TryStar {
    const start = this.pos++;
    this.expectColon();
    const body = this.parseBlock("'try' statement", start);
    const handlers: ast.excepthandler[] = [];
    let star: boolean | null = null;
    while (this.tok() === Tok.EXCEPT) {
      const handlerStart = this.pos++;
      const isStar = this.accept(Tok.STAR);
      if (star === null) star = isStar;
      else if (star !== isStar) {
        this.errorAtToken("cannot have both 'except' and 'except*' on the same 'try'", handlerStart);
      }
      let type: ast.expr | null = null;
      let name: string | null = null;
      if (this.tok() !== Tok.COLON || isStar) {
        type = this.parseExpression();
        if (this.tok() === Tok.COMMA) {
          this.errorAtNode("multiple exception types must be parenthesized", type);
        }
        if (this.accept(Tok.AS)) name = this.nameText(this.expect(Tok.NAME));
      }
      this.expectColon();
      const handlerBody = this.parseBlock(isStar ? "'except*' statement" : "'except' statement", handlerStart);
      handlers.push(this.at(handlerStart, { _type: "ExceptHandler", type, name, body: handlerBody }));
    }
    const orelse = handlers.length > 0 && this.tok() === Tok.ELSE ? this.parseElse() : [];
    let finalbody: ast.stmt[] = [];
    if (this.tok() === Tok.FINALLY) {
      const finallyToken = this.pos++;
      this.expectColon();
      finalbody = this.parseBlock("'finally' statement", finallyToken);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      this.errorAtToken("expected 'except' or 'finally' block");
    }
    return this.at(start, { _type: star ? "TryStar" : "Try", body, handlers, orelse, finalbody } as ast.Try);
  }

  // ---------------------------------------------------------------- match statement

  /** match_stmt, or null when `match` here is an ordinary name (the statement is then re-parsed). */
  private tryParseMatch(): ast.Match | null {
    const start = this.pos;
    const next = this.peek(1);
    if (!EXPRESSION_START[next] || next === Tok.LAMBDA || next === Tok.NOT) {
      // `match` followed by an operator or `=` is an expression statement.
      if (next !== Tok.NOT && next !== Tok.LAMBDA) return null;
    }
    let subject: ast.expr;
    try {
      this.pos++;
      subject = this.parseMatchSubject();
      if (this.tok() !== Tok.COLON) throw BACKTRACK;
    } catch (error) {
      if (error !== BACKTRACK && !(error instanceof PySyntaxError)) throw error;
      this.pos = start;
      return null;
    }
    this.pos++;
    if (this.tok() !== Tok.NEWLINE) {
      this.pos = start;
      return null;
    }
    this.pos++;
    if (this.tok() !== Tok.INDENT) {
      if (this.tok() === Tok.ERROR) this.tokenError();
      throw this.makeError(
        "IndentationError",
        `expected an indented block after 'match' statement on line ${this.tokens.line[start]}`,
        this.pos,
      );
    }
    this.pos++;
    const cases: ast.match_case[] = [];
    while (this.isName("case")) cases.push(this.parseCaseBlock());
    if (cases.length === 0) this.invalidSyntax();
    if (this.tok() !== Tok.DEDENT) this.invalidSyntax();
    this.pos++;
    return this.at(start, { _type: "Match" as const, subject, cases });
  }

  private parseMatchSubject(): ast.expr {
    const start = this.pos;
    const first = this.parseStarNamedExpression();
    if (this.tok() !== Tok.COMMA) {
      if (first._type === "Starred") this.invalidSyntax();
      return first;
    }
    const elts = [first];
    while (this.accept(Tok.COMMA)) {
      if (!EXPRESSION_START[this.tok()]) break;
      elts.push(this.parseStarNamedExpression());
    }
    return this.at(start, { _type: "Tuple", elts, ctx: LOAD });
  }

  private parseCaseBlock(): ast.match_case {
    const caseToken = this.pos++;
    const pattern = this.parsePatterns();
    let guard: ast.expr | null = null;
    if (this.accept(Tok.IF)) guard = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock("'case' statement", caseToken);
    return { _type: "match_case", pattern, guard, body };
  }

  /** patterns: open_sequence_pattern | pattern */
  private parsePatterns(): ast.pattern {
    const start = this.pos;
    const first = this.parseMaybeStarPattern();
    if (this.tok() !== Tok.COMMA) {
      if (first._type === "MatchStar") return this.at(start, { _type: "MatchSequence", patterns: [first] });
      return first;
    }
    const patterns = [first];
    while (this.accept(Tok.COMMA)) {
      if (this.tok() === Tok.COLON || this.tok() === Tok.IF) break;
      patterns.push(this.parseMaybeStarPattern());
    }
    return this.at(start, { _type: "MatchSequence", patterns });
  }

  private parseMaybeStarPattern(): ast.pattern {
    if (this.tok() === Tok.STAR) {
      const start = this.pos++;
      const nameToken = this.expect(Tok.NAME);
      const name = this.nameText(nameToken);
      return this.at(start, { _type: "MatchStar", name: name === "_" ? null : name });
    }
    return this.parsePattern();
  }

  /** pattern: as_pattern | or_pattern */
  private parsePattern(): ast.pattern {
    const start = this.pos;
    const pattern = this.parseOrPattern();
    if (this.tok() !== Tok.AS) return pattern;
    this.pos++;
    const nameToken = this.expect(Tok.NAME);
    const name = this.nameText(nameToken);
    if (name === "_") this.errorAtToken("cannot use '_' as a target", nameToken);
    const k = this.tok();
    if (k === Tok.DOT || k === Tok.LPAR || k === Tok.EQUAL) this.invalidSyntax();
    return this.at(start, { _type: "MatchAs", pattern, name });
  }

  private parseOrPattern(): ast.pattern {
    const start = this.pos;
    const first = this.parseClosedPattern();
    if (this.tok() !== Tok.VBAR) return first;
    const patterns = [first];
    while (this.accept(Tok.VBAR)) patterns.push(this.parseClosedPattern());
    return this.at(start, { _type: "MatchOr", patterns });
  }

  private parseClosedPattern(): ast.pattern {
    const start = this.pos;
    switch (this.tok()) {
      case Tok.NUMBER:
      case Tok.MINUS:
      case Tok.STRING: {
        const value = this.tok() === Tok.STRING ? this.parseStrings() : this.parseComplexNumberPattern();
        return this.at(start, { _type: "MatchValue", value });
      }
      case Tok.NONE:
      case Tok.TRUE:
      case Tok.FALSE: {
        const k = this.tok();
        this.pos++;
        const value = k === Tok.NONE ? null : k === Tok.TRUE;
        return this.at(start, { _type: "MatchSingleton", value });
      }
      case Tok.LPAR: {
        this.pos++;
        if (this.accept(Tok.RPAR)) return this.at(start, { _type: "MatchSequence", patterns: [] });
        const first = this.parseMaybeStarPattern();
        if (this.tok() === Tok.RPAR && first._type !== "MatchStar") {
          this.pos++;
          return first;
        }
        const patterns = [first];
        while (this.accept(Tok.COMMA)) {
          if (this.tok() === Tok.RPAR) break;
          patterns.push(this.parseMaybeStarPattern());
        }
        this.expect(Tok.RPAR);
        return this.at(start, { _type: "MatchSequence", patterns });
      }
      case Tok.LSQB: {
        this.pos++;
        const patterns: ast.pattern[] = [];
        while (this.tok() !== Tok.RSQB) {
          patterns.push(this.parseMaybeStarPattern());
          if (!this.accept(Tok.COMMA)) break;
        }
        this.expect(Tok.RSQB);
        return this.at(start, { _type: "MatchSequence", patterns });
      }
      case Tok.LBRACE:
        return this.parseMappingPattern();
      case Tok.NAME:
        return this.parseNamePattern();
      default:
        this.invalidSyntax();
    }
  }

  /** Capture, wildcard, value (dotted name) or class pattern. */
  private parseNamePattern(): ast.pattern {
    const start = this.pos;
    const firstName = this.nameText(this.pos++);
    if (this.tok() !== Tok.DOT && this.tok() !== Tok.LPAR) {
      if (this.tok() === Tok.EQUAL) this.invalidSyntax();
      if (firstName === "_") return this.at(start, { _type: "MatchAs", pattern: null, name: null });
      return this.at(start, { _type: "MatchAs", pattern: null, name: firstName });
    }
    let cls: ast.expr = this.at(start, { _type: "Name", id: firstName, ctx: LOAD });
    while (this.accept(Tok.DOT)) {
      const attr = this.nameText(this.expect(Tok.NAME));
      cls = this.at(start, { _type: "Attribute", value: cls, attr, ctx: LOAD });
    }
    if (this.tok() !== Tok.LPAR) {
      if (this.tok() === Tok.EQUAL) this.invalidSyntax();
      return this.at(start, { _type: "MatchValue", value: cls });
    }
    this.pos++;
    const patterns: ast.pattern[] = [];
    const kwd_attrs: string[] = [];
    const kwd_patterns: ast.pattern[] = [];
    while (this.tok() !== Tok.RPAR) {
      if (this.tok() === Tok.NAME && this.peek(1) === Tok.EQUAL) {
        kwd_attrs.push(this.nameText(this.pos));
        this.pos += 2;
        kwd_patterns.push(this.parsePattern());
      } else {
        const pattern = this.parsePattern();
        if (kwd_attrs.length > 0) this.errorAtNode("positional patterns follow keyword patterns", pattern);
        patterns.push(pattern);
      }
      if (!this.accept(Tok.COMMA)) break;
    }
    this.expect(Tok.RPAR);
    return this.at(start, { _type: "MatchClass", cls, patterns, kwd_attrs, kwd_patterns });
  }

  private parseMappingPattern(): ast.MatchMapping {
    const start = this.pos++;
    const keys: ast.expr[] = [];
    const patterns: ast.pattern[] = [];
    let rest: string | null = null;
    while (this.tok() !== Tok.RBRACE) {
      if (this.accept(Tok.DOUBLESTAR)) {
        rest = this.nameText(this.expect(Tok.NAME));
        this.accept(Tok.COMMA);
        break;
      }
      keys.push(this.parseMappingKey());
      this.expect(Tok.COLON);
      patterns.push(this.parsePattern());
      if (!this.accept(Tok.COMMA)) break;
    }
    this.expect(Tok.RBRACE);
    return this.at(start, { _type: "MatchMapping", keys, patterns, rest });
  }

  private parseMappingKey(): ast.expr {
    const start = this.pos;
    switch (this.tok()) {
      case Tok.NUMBER:
      case Tok.MINUS:
        return this.parseComplexNumberPattern();
      case Tok.STRING:
        return this.parseStrings();
      case Tok.NONE:
      case Tok.TRUE:
      case Tok.FALSE:
        return this.parseAtom();
      case Tok.NAME: {
        let value: ast.expr = this.at(start, { _type: "Name", id: this.nameText(this.pos++), ctx: LOAD });
        if (this.tok() !== Tok.DOT) this.invalidSyntax();
        while (this.accept(Tok.DOT)) {
          const attr = this.nameText(this.expect(Tok.NAME));
          value = this.at(start, { _type: "Attribute", value, attr, ctx: LOAD });
        }
        return value;
      }
      default:
        this.invalidSyntax();
    }
  }

  /** signed_number, or a complex literal `real ± imag` (literal patterns allow no other arithmetic). */
  private parseComplexNumberPattern(): ast.expr {
    const start = this.pos;
    let value: ast.expr = this.parseSignedNumber();
    if (this.tok() === Tok.PLUS || this.tok() === Tok.MINUS) {
      const op = BINARY_OPS[this.tok()]!;
      this.pos++;
      if (this.tok() !== Tok.NUMBER) this.invalidSyntax();
      const right = this.parseAtom();
      const imag = right as ast.Constant;
      if (!(imag.value !== null && typeof imag.value === "object" && "imag" in imag.value)) {
        this.errorAtNode("imaginary number required in complex literal", right);
      }
      value = this.at(start, { _type: "BinOp", left: value, op, right });
    }
    return value;
  }

  private parseSignedNumber(): ast.expr {
    const start = this.pos;
    if (this.accept(Tok.MINUS)) {
      if (this.tok() !== Tok.NUMBER) this.invalidSyntax();
      const operand = this.parseAtom();
      return this.at(start, { _type: "UnaryOp", op: UNARY_OPS[Tok.MINUS]!, operand });
    }
    if (this.tok() !== Tok.NUMBER) this.invalidSyntax();
    return this.parseAtom();
  }

  // ---------------------------------------------------------------- simple statements

  private parseSimpleStatement(): ast.stmt {
    const start = this.pos;
    switch (this.tok()) {
      case Tok.PASS:
        this.pos++;
        return this.at(start, { _type: "Pass" });
      case Tok.BREAK:
        this.pos++;
        return this.at(start, { _type: "Break" });
      case Tok.CONTINUE:
        this.pos++;
        return this.at(start, { _type: "Continue" });
      case Tok.RETURN: {
        this.pos++;
        const value = EXPRESSION_START[this.tok()] ? this.parseStarExpressions() : null;
        return this.at(start, { _type: "Return", value });
      }
      case Tok.RAISE: {
        this.pos++;
        let exc: ast.expr | null = null;
        let cause: ast.expr | null = null;
        if (EXPRESSION_START[this.tok()]) {
          exc = this.parseExpression();
          if (this.accept(Tok.FROM)) cause = this.parseExpression();
        }
        return this.at(start, { _type: "Raise", exc, cause });
      }
      case Tok.GLOBAL:
      case Tok.NONLOCAL: {
        const type = this.tok() === Tok.GLOBAL ? "Global" : "Nonlocal";
        this.pos++;
        const names = [this.nameText(this.expect(Tok.NAME))];
        while (this.accept(Tok.COMMA)) names.push(this.nameText(this.expect(Tok.NAME)));
        return this.at(start, { _type: type, names } as ast.Global | ast.Nonlocal);
      }
      case Tok.DEL: {
        this.pos++;
        const targets = this.parseDelTargets();
        return this.at(start, { _type: "Delete", targets });
      }
      case Tok.ASSERT: {
        this.pos++;
        const test = this.parseExpression();
        const msg = this.accept(Tok.COMMA) ? this.parseExpression() : null;
        return this.at(start, { _type: "Assert", test, msg });
      }
      case Tok.IMPORT:
        return this.parseImport();
      case Tok.FROM:
        return this.parseImportFrom();
      default:
        return this.parseExpressionStatement();
    }
  }

  private parseImport(): ast.Import {
    const start = this.pos++;
    const names: ast.alias[] = [];
    do {
      const aliasStart = this.pos;
      const name = this.parseDottedName();
      const asname = this.accept(Tok.AS) ? this.nameText(this.expect(Tok.NAME)) : null;
      names.push(this.at(aliasStart, { _type: "alias", name, asname }));
    } while (this.accept(Tok.COMMA));
    return this.at(start, { _type: "Import", names });
  }

  private parseDottedName(): string {
    let name = this.nameText(this.expect(Tok.NAME));
    while (this.accept(Tok.DOT)) name += `.${this.nameText(this.expect(Tok.NAME))}`;
    return name;
  }

  private parseImportFrom(): ast.ImportFrom {
    const start = this.pos++;
    let level = 0;
    while (true) {
      if (this.accept(Tok.DOT)) level++;
      else if (this.accept(Tok.ELLIPSIS)) level += 3;
      else break;
    }
    const module = level === 0 || this.tok() === Tok.NAME ? this.parseDottedName() : null;
    this.expect(Tok.IMPORT);
    const names: ast.alias[] = [];
    if (this.tok() === Tok.STAR) {
      const starToken = this.pos++;
      names.push(this.at(starToken, { _type: "alias", name: "*", asname: null }));
    } else {
      const parenthesized = this.accept(Tok.LPAR);
      do {
        if (parenthesized && this.tok() === Tok.RPAR) break;
        const aliasStart = this.pos;
        const name = this.nameText(this.expect(Tok.NAME));
        const asname = this.accept(Tok.AS) ? this.nameText(this.expect(Tok.NAME)) : null;
        names.push(this.at(aliasStart, { _type: "alias", name, asname }));
      } while (this.accept(Tok.COMMA));
      if (parenthesized) this.expect(Tok.RPAR);
      else if (this.tokens.kind[this.pos - 1] === Tok.COMMA) {
        this.errorAtToken("trailing comma not allowed without surrounding parentheses", this.pos - 1);
      }
    }
    return this.at(start, { _type: "ImportFrom", module, names, level });
  }

  /** Assignments of every kind, augmented and annotated assignments, and expression statements. */
  private parseExpressionStatement(): ast.stmt {
    const start = this.pos;
    const first = this.tok() === Tok.YIELD ? this.parseYieldExpression() : this.parseStarExpressions();
    switch (this.tok()) {
      case Tok.EQUAL: {
        const targets: ast.expr[] = [this.toAssignTarget(first)];
        let value: ast.expr = first;
        while (this.accept(Tok.EQUAL)) {
          value = this.tok() === Tok.YIELD ? this.parseYieldExpression() : this.parseStarExpressions();
          if (this.tok() === Tok.EQUAL) targets.push(this.toAssignTarget(value));
        }
        return this.at(start, { _type: "Assign", targets, value, type_comment: null });
      }
      case Tok.COLON: {
        if (!EXPRESSION_START[this.peek(1)]) {
          // CPython only reads past the colon when the target could be annotated.
          const annotatable = first._type === "Name" || first._type === "Attribute" || first._type === "Subscript";
          this.errorAtToken("invalid syntax", annotatable ? this.pos + 1 : this.pos);
        }
        this.checkAnnotationTarget(first);
        this.pos++;
        const target = this.toTarget(first, STORE);
        const annotation = this.parseExpression();
        let value: ast.expr | null = null;
        if (this.accept(Tok.EQUAL)) {
          value = this.tok() === Tok.YIELD ? this.parseYieldExpression() : this.parseStarExpressions();
        }
        const simple = first._type === "Name" && this.kinds[start] !== Tok.LPAR ? 1 : 0;
        return this.at(start, { _type: "AnnAssign", target, annotation, value, simple });
      }
      default: {
        const op = AUGMENTED_OPS[this.tok()];
        if (op !== undefined) {
          if (first._type !== "Name" && first._type !== "Attribute" && first._type !== "Subscript") {
            this.errorAtNode(`'${describeExpression(first)}' is an illegal expression for augmented assignment`, first);
          }
          this.pos++;
          const target = this.toTarget(first, STORE);
          const value = this.tok() === Tok.YIELD ? this.parseYieldExpression() : this.parseStarExpressions();
          return this.at(start, { _type: "AugAssign", target, op, value });
        }
        return this.at(start, { _type: "Expr", value: first });
      }
    }
  }

  private checkAnnotationTarget(target: ast.expr): void {
    if (target._type === "Name" || target._type === "Attribute" || target._type === "Subscript") return;
    if (target._type === "Tuple") this.errorAtNode("only single target (not tuple) can be annotated", target);
    if (target._type === "List") this.errorAtNode("only single target (not list) can be annotated", target);
    this.errorAtNode("illegal target for annotation", target);
  }

  private toAssignTarget(e: ast.expr): ast.expr {
    if (e._type === "Yield" || e._type === "YieldFrom")
      this.errorAtNode("assignment to yield expression not possible", e);
    return this.toTarget(e, STORE, " here. Maybe you meant '==' instead of '='?");
  }

  /** Converts an expression parsed as a value into an assignment (or del) target, as CPython validates it. */
  private toTarget(e: ast.expr, ctx: Ctx, hint = ""): ast.expr {
    switch (e._type) {
      case "Name":
      case "Attribute":
      case "Subscript":
        e.ctx = ctx;
        return e;
      case "Starred":
        if (ctx === DEL) this.errorAtNode("cannot delete starred", e);
        e.ctx = ctx;
        this.toTarget(e.value, ctx, hint);
        return e;
      case "Tuple":
      case "List":
        e.ctx = ctx;
        for (const elt of e.elts) this.toTarget(elt, ctx, hint);
        return e;
      default: {
        const verb = ctx === DEL ? "delete" : "assign to";
        this.errorAtNode(`cannot ${verb} ${describeExpression(e)}${hint}`, e);
      }
    }
  }

  private parseDelTargets(): ast.expr[] {
    const targets: ast.expr[] = [];
    do {
      if (this.tok() === Tok.NEWLINE || this.tok() === Tok.SEMI) break;
      targets.push(this.toTarget(this.parseTargetAtomWithTrailers(), DEL));
    } while (this.accept(Tok.COMMA));
    return targets;
  }

  /** star_targets: a target list as in `for` loops and comprehensions (no comparison operators). */
  private parseStarTargets(): ast.expr {
    const start = this.pos;
    const first = this.parseStarTarget();
    if (this.tok() !== Tok.COMMA) return first;
    const elts = [first];
    while (this.accept(Tok.COMMA)) {
      if (this.tok() === Tok.IN || this.tok() === Tok.EQUAL) break;
      elts.push(this.parseStarTarget());
    }
    return this.at(start, { _type: "Tuple", elts, ctx: STORE });
  }

  private parseStarTarget(): ast.expr {
    if (this.tok() === Tok.STAR) {
      const start = this.pos++;
      const value = this.parseStarTarget();
      return this.toTarget(this.at(start, { _type: "Starred", value, ctx: STORE }), STORE);
    }
    return this.toTarget(this.parseTargetAtomWithTrailers(), STORE);
  }

  /** A primary (atom with trailers) as a target; comparison and arithmetic are not part of targets. */
  private parseTargetAtomWithTrailers(): ast.expr {
    return this.parsePrimary();
  }

  // ---------------------------------------------------------------- expressions

  /** star_expressions: a tuple when there is a comma. */
  private parseStarExpressions(): ast.expr {
    const start = this.pos;
    const first = this.parseStarExpression();
    if (this.tok() !== Tok.COMMA) return first;
    const elts = [first];
    while (this.accept(Tok.COMMA)) {
      if (!EXPRESSION_START[this.tok()]) break;
      elts.push(this.parseStarExpression());
    }
    return this.at(start, { _type: "Tuple", elts, ctx: LOAD });
  }

  private parseStarExpression(): ast.expr {
    if (this.tok() === Tok.STAR) {
      const start = this.pos++;
      const value = this.parseBitwiseOr();
      return this.at(start, { _type: "Starred", value, ctx: LOAD });
    }
    return this.parseExpression();
  }

  private parseStarNamedExpression(): ast.expr {
    if (this.tok() === Tok.STAR) {
      const start = this.pos++;
      const value = this.parseBitwiseOr();
      return this.at(start, { _type: "Starred", value, ctx: LOAD });
    }
    return this.parseNamedExpression();
  }

  private parseNamedExpression(): ast.expr {
    if (this.tok() === Tok.NAME && this.peek(1) === Tok.COLONEQUAL) {
      const start = this.pos;
      const target = this.at(start, { _type: "Name", id: this.nameText(this.pos++), ctx: STORE }) as ast.Name;
      this.pos++;
      const value = this.parseExpression();
      return this.at(start, { _type: "NamedExpr", target, value });
    }
    const e = this.parseExpression();
    if (this.tok() === Tok.COLONEQUAL) {
      this.errorAtNode(`cannot use assignment expressions with ${describeExpression(e)}`, e);
    }
    return e;
  }

  private parseExpression(): ast.expr {
    if (this.tok() === Tok.LAMBDA) return this.parseLambda();
    const start = this.pos;
    const body = this.parseDisjunction();
    if (this.tok() !== Tok.IF) return body;
    this.pos++;
    const test = this.parseDisjunction();
    if (this.tok() !== Tok.ELSE) this.errorAtToken("expected 'else' after 'if' expression", start, this.pos - 1);
    this.pos++;
    const orelse = this.parseExpression();
    return this.at(start, { _type: "IfExp", test, body, orelse });
  }

  private parseLambda(): ast.Lambda {
    const start = this.pos++;
    const args = this.parseParameters(Tok.COLON, false);
    this.expect(Tok.COLON);
    const body = this.parseExpression();
    return this.at(start, { _type: "Lambda", args, body });
  }

  private parseDisjunction(): ast.expr {
    const start = this.pos;
    const first = this.parseConjunction();
    if (this.tok() !== Tok.OR) return first;
    const values = [first];
    while (this.accept(Tok.OR)) values.push(this.parseConjunction());
    return this.at(start, { _type: "BoolOp", op: OR, values });
  }

  private parseConjunction(): ast.expr {
    const start = this.pos;
    const first = this.parseInversion();
    if (this.tok() !== Tok.AND) return first;
    const values = [first];
    while (this.accept(Tok.AND)) values.push(this.parseInversion());
    return this.at(start, { _type: "BoolOp", op: AND, values });
  }

  private parseInversion(): ast.expr {
    if (this.tok() === Tok.NOT) {
      const start = this.pos++;
      const operand = this.parseInversion();
      return this.at(start, { _type: "UnaryOp", op: NOT, operand });
    }
    return this.parseComparison();
  }

  private parseComparison(): ast.expr {
    const start = this.pos;
    const left = this.parseBitwiseOr();
    let ops: ast.cmpop[] | null = null;
    let comparators: ast.expr[] | null = null;
    while (true) {
      let op: ast.cmpop | undefined;
      const k = this.tok();
      if (k === Tok.NOT) {
        if (this.peek(1) !== Tok.IN) break;
        this.pos += 2;
        op = NOT_IN;
      } else if (k === Tok.IS) {
        this.pos++;
        op = this.accept(Tok.NOT) ? IS_NOT : COMPARE_OPS[Tok.IS]!;
      } else {
        op = COMPARE_OPS[k];
        if (op === undefined) break;
        this.pos++;
      }
      if (ops === null) {
        ops = [];
        comparators = [];
      }
      ops.push(op);
      comparators!.push(this.parseBitwiseOr());
    }
    if (ops === null) return left;
    return this.at(start, { _type: "Compare", left, ops, comparators: comparators! });
  }

  /** bitwise_or: the binary operator levels from `|` down to `*`, each left-associative. */
  private parseBitwiseOr(): ast.expr {
    return this.parseBinaryLevel(1);
  }

  private parseBinaryLevel(level: number): ast.expr {
    if (level > TIGHTEST_BINARY_LEVEL) return this.parseFactor();
    const start = this.pos;
    let left = this.parseBinaryLevel(level + 1);
    while (BINARY_LEVEL[this.tok()] === level) {
      const op = BINARY_OPS[this.kinds[this.pos++] as Tok]!;
      const right = this.parseBinaryLevel(level + 1);
      left = this.at(start, { _type: "BinOp", left, op, right });
    }
    return left;
  }

  private parseFactor(): ast.expr {
    const op = UNARY_OPS[this.tok()];
    if (op !== undefined) {
      const start = this.pos++;
      const operand = this.parseFactor();
      return this.at(start, { _type: "UnaryOp", op, operand });
    }
    return this.parsePower();
  }

  private parsePower(): ast.expr {
    const start = this.pos;
    let left: ast.expr;
    if (this.tok() === Tok.AWAIT) {
      this.pos++;
      const value = this.parsePrimary();
      left = this.at(start, { _type: "Await", value });
    } else {
      left = this.parsePrimary();
    }
    if (this.tok() !== Tok.DOUBLESTAR) return left;
    this.pos++;
    const right = this.parseFactor();
    return this.at(start, { _type: "BinOp", left, op: BINARY_OPS[Tok.DOUBLESTAR]!, right });
  }

  private parsePrimary(): ast.expr {
    const start = this.pos;
    let e = this.parseAtom();
    while (true) {
      switch (this.tok()) {
        case Tok.DOT: {
          this.pos++;
          const attr = this.nameText(this.expect(Tok.NAME));
          e = this.at(start, { _type: "Attribute", value: e, attr, ctx: LOAD });
          continue;
        }
        case Tok.LPAR: {
          const open = this.pos++;
          const [args, keywords] = this.parseCallArguments(open);
          this.expect(Tok.RPAR);
          e = this.at(start, { _type: "Call", func: e, args, keywords });
          continue;
        }
        case Tok.LSQB: {
          this.pos++;
          const slice = this.parseSlices();
          this.expect(Tok.RSQB);
          e = this.at(start, { _type: "Subscript", value: e, slice, ctx: LOAD });
          continue;
        }
        default:
          return e;
      }
    }
  }

  private parseSlices(): ast.expr {
    const start = this.pos;
    const first = this.parseSlice();
    // A lone starred element is still a tuple: slice itself never parses `*x`.
    if (this.tok() !== Tok.COMMA && first._type !== "Starred") return first;
    const elts = [first];
    while (this.accept(Tok.COMMA)) {
      if (this.tok() === Tok.RSQB) break;
      elts.push(this.parseSlice());
    }
    return this.at(start, { _type: "Tuple", elts, ctx: LOAD });
  }

  private parseSlice(): ast.expr {
    const start = this.pos;
    if (this.tok() === Tok.STAR) return this.parseStarExpression();
    let lower: ast.expr | null = null;
    if (this.tok() !== Tok.COLON) {
      lower = this.parseNamedExpression();
      if (this.tok() !== Tok.COLON) return lower;
      if (lower._type === "NamedExpr" && this.kinds[start] !== Tok.LPAR) this.invalidSyntax();
    }
    this.pos++;
    let upper: ast.expr | null = null;
    let step: ast.expr | null = null;
    if (this.tok() !== Tok.COLON && this.tok() !== Tok.COMMA && this.tok() !== Tok.RSQB) upper = this.parseExpression();
    if (this.accept(Tok.COLON)) {
      if (this.tok() !== Tok.COMMA && this.tok() !== Tok.RSQB) step = this.parseExpression();
    }
    return this.at(start, { _type: "Slice", lower, upper, step });
  }

  /**
   * Call arguments after '(' up to (not including) ')'. A lone generator argument without its own
   * parentheses becomes a GeneratorExp spanning the call's parentheses, as in CPython.
   */
  private parseCallArguments(open = -1): [ast.expr[], ast.keyword[]] {
    const args: ast.expr[] = [];
    const keywords: ast.keyword[] = [];
    while (this.tok() !== Tok.RPAR) {
      const start = this.pos;
      if (this.tok() === Tok.STAR) {
        this.pos++;
        const value = this.parseExpression();
        args.push(this.at(start, { _type: "Starred", value, ctx: LOAD }));
      } else if (this.tok() === Tok.DOUBLESTAR) {
        this.pos++;
        const value = this.parseExpression();
        keywords.push(this.at(start, { _type: "keyword", arg: null, value }));
      } else if (this.tok() === Tok.NAME && this.peek(1) === Tok.EQUAL) {
        const arg = this.nameText(this.pos);
        this.pos += 2;
        const value = this.parseExpression();
        keywords.push(this.at(start, { _type: "keyword", arg, value }));
      } else {
        const value = this.parseNamedExpression();
        if (this.atComprehension()) {
          const generators = this.parseComprehensionClauses();
          const isOnly = args.length === 0 && keywords.length === 0 && this.tok() === Tok.RPAR && open >= 0;
          if (isOnly) {
            // The generator's span includes the call's parentheses.
            this.pos++;
            const genexp: ast.GeneratorExp = this.at(open, { _type: "GeneratorExp" as const, elt: value, generators });
            this.pos--;
            args.push(genexp);
            continue;
          }
          this.errorAtNode("Generator expression must be parenthesized", value);
        }
        if (this.tok() === Tok.EQUAL) {
          this.errorAtNode(
            value._type === "Constant" || value._type === "Call" || value._type === "Attribute"
              ? 'expression cannot contain assignment, perhaps you meant "=="?'
              : 'expression cannot contain assignment, perhaps you meant "=="?',
            value,
          );
        }
        if (keywords.length > 0 && keywords.some((k) => k.arg === null)) {
          this.errorAtNode("positional argument follows keyword argument unpacking", value);
        }
        if (keywords.length > 0) this.errorAtNode("positional argument follows keyword argument", value);
        args.push(value);
      }
      if (!this.accept(Tok.COMMA)) break;
    }
    return [args, keywords];
  }

  private parseComprehensionClauses(): ast.comprehension[] {
    const generators: ast.comprehension[] = [];
    while (this.atComprehension()) {
      const isAsync = this.accept(Tok.ASYNC) ? 1 : 0;
      this.pos++;
      const target = this.parseStarTargets();
      this.expect(Tok.IN);
      const iter = this.parseDisjunction();
      const ifs: ast.expr[] = [];
      while (this.accept(Tok.IF)) ifs.push(this.parseDisjunction());
      generators.push({ _type: "comprehension", target, iter, ifs, is_async: isAsync });
    }
    return generators;
  }

  private parseAtom(): ast.expr {
    const start = this.pos;
    switch (this.tok()) {
      case Tok.NAME:
        this.pos++;
        return this.at(start, { _type: "Name", id: this.nameText(start), ctx: LOAD });
      case Tok.NUMBER: {
        this.pos++;
        return this.at(start, { _type: "Constant", value: this.numberValue(start), kind: null });
      }
      case Tok.STRING:
        return this.parseStrings();
      case Tok.NONE:
      case Tok.TRUE:
      case Tok.FALSE: {
        const k = this.tok();
        this.pos++;
        const value = k === Tok.NONE ? null : k === Tok.TRUE;
        return this.at(start, { _type: "Constant", value, kind: null });
      }
      case Tok.ELLIPSIS:
        this.pos++;
        return this.at(start, { _type: "Constant", value: PyEllipsis.instance, kind: null });
      case Tok.LPAR:
        return this.parseParenthesized();
      case Tok.LSQB:
        return this.parseListDisplay();
      case Tok.LBRACE:
        return this.parseBraceDisplay();
      case Tok.ERROR:
        return this.tokenError();
      default:
        return this.invalidSyntax();
    }
  }

  private numberValue(i: number): ast.Constant["value"] {
    try {
      return parseNumberLiteral(this.tokens.text(i));
    } catch (error) {
      if (!(error instanceof LiteralError)) throw error;
      // CPython reports an over-long integer on the token's lines with no column.
      const t = this.tokens;
      throw new PySyntaxError("SyntaxError", error.msg, t.filename, t.line[i]!, 0, t.endLine[i]!, 0);
    }
  }

  private parseStrings(): ast.expr {
    const first = this.pos;
    while (this.kinds[this.pos] === Tok.STRING) this.pos++;
    // CPython reports string errors at the token after the strings, the last one it had read.
    return concatenateStrings(this.tokens, first, this.pos - 1, (message, i) =>
      this.errorAtToken(message, i ?? this.pos),
    );
  }

  /** tuple | group | genexp */
  private parseParenthesized(): ast.expr {
    const start = this.pos++;
    if (this.tok() === Tok.RPAR) {
      this.pos++;
      return this.at(start, { _type: "Tuple", elts: [], ctx: LOAD });
    }
    if (this.tok() === Tok.YIELD) {
      const value = this.parseYieldExpression();
      this.expect(Tok.RPAR);
      return value;
    }
    const first = this.parseStarNamedExpression();
    if (this.atComprehension()) {
      const generators = this.parseComprehensionOf(first, Tok.RPAR);
      return this.at(start, { _type: "GeneratorExp", elt: first, generators });
    }
    if (this.tok() === Tok.RPAR) {
      this.pos++;
      if (first._type === "Starred") this.errorAtNode("cannot use starred expression here", first);
      return first;
    }
    if (this.tok() !== Tok.COMMA) this.invalidSyntax();
    const elts = this.parseDisplayElements(first, Tok.RPAR);
    return this.at(start, { _type: "Tuple", elts, ctx: LOAD });
  }

  private parseListDisplay(): ast.expr {
    const start = this.pos++;
    if (this.accept(Tok.RSQB)) return this.at(start, { _type: "List", elts: [], ctx: LOAD });
    const first = this.parseStarNamedExpression();
    if (this.atComprehension()) {
      const generators = this.parseComprehensionOf(first, Tok.RSQB);
      return this.at(start, { _type: "ListComp", elt: first, generators });
    }
    const elts = this.parseDisplayElements(first, Tok.RSQB);
    return this.at(start, { _type: "List", elts, ctx: LOAD });
  }

  /** dict | set | dictcomp | setcomp */
  private parseBraceDisplay(): ast.expr {
    const start = this.pos++;
    if (this.accept(Tok.RBRACE)) return this.at(start, { _type: "Dict", keys: [], values: [] });
    if (this.tok() === Tok.DOUBLESTAR) return this.parseDictRest(start, [], []);
    const first = this.parseStarNamedExpression();
    if (this.tok() === Tok.COLON) {
      this.pos++;
      const value = this.parseExpression();
      if (this.atComprehension()) {
        const generators = this.parseComprehensionClauses();
        this.expect(Tok.RBRACE);
        return this.at(start, { _type: "DictComp", key: first, value, generators });
      }
      return this.parseDictRest(start, [first], [value]);
    }
    if (this.atComprehension()) {
      const generators = this.parseComprehensionOf(first, Tok.RBRACE);
      return this.at(start, { _type: "SetComp", elt: first, generators });
    }
    const elts = this.parseDisplayElements(first, Tok.RBRACE);
    return this.at(start, { _type: "Set", elts });
  }

  /** The `for ... in ... if ...` clauses after a comprehension's element, and its closing bracket. */
  private parseComprehensionOf(element: ast.expr, close: Tok): ast.comprehension[] {
    if (element._type === "Starred") this.errorAtNode("iterable unpacking cannot be used in comprehension", element);
    const generators = this.parseComprehensionClauses();
    this.expect(close);
    return generators;
  }

  /** The elements of a tuple, list or set display after its first, up to and including `close`. */
  private parseDisplayElements(first: ast.expr, close: Tok): ast.expr[] {
    const elts = [first];
    while (this.accept(Tok.COMMA)) {
      if (this.tok() === close) break;
      elts.push(this.parseStarNamedExpression());
    }
    this.expect(close);
    return elts;
  }

  private parseDictRest(start: number, keys: (ast.expr | null)[], values: ast.expr[]): ast.Dict {
    if (keys.length > 0 && !this.accept(Tok.COMMA)) {
      this.expect(Tok.RBRACE);
      return this.at(start, { _type: "Dict", keys, values });
    }
    while (this.tok() !== Tok.RBRACE) {
      if (this.accept(Tok.DOUBLESTAR)) {
        keys.push(null);
        values.push(this.parseBitwiseOr());
      } else {
        const key = this.parseExpression();
        if (this.tok() !== Tok.COLON) this.errorAtNode("':' expected after dictionary key", key);
        this.pos++;
        keys.push(key);
        values.push(this.parseExpression());
      }
      if (!this.accept(Tok.COMMA)) break;
    }
    this.expect(Tok.RBRACE);
    return this.at(start, { _type: "Dict", keys, values });
  }

  private parseYieldExpression(): ast.expr {
    const start = this.pos++;
    if (this.accept(Tok.FROM)) {
      const value = this.parseExpression();
      return this.at(start, { _type: "YieldFrom", value });
    }
    const value = EXPRESSION_START[this.tok()] ? this.parseStarExpressions() : null;
    return this.at(start, { _type: "Yield", value });
  }

  // ---------------------------------------------------------------- parameters

  /** Parameters of a def (annotations allowed) or a lambda, up to `end` (not consumed). */
  private parseParameters(end: Tok, annotated: boolean): ast.arguments {
    const posonlyargs: ast.arg[] = [];
    let args: ast.arg[] = [];
    const defaults: ast.expr[] = [];
    let vararg: ast.arg | null = null;
    const kwonlyargs: ast.arg[] = [];
    const kw_defaults: (ast.expr | null)[] = [];
    let kwarg: ast.arg | null = null;
    let seenStar = false;
    while (this.tok() !== end) {
      if (kwarg !== null) this.errorAtToken("arguments cannot follow var-keyword argument");
      if (this.tok() === Tok.SLASH) {
        if (seenStar) this.errorAtToken("/ must be ahead of *");
        if (posonlyargs.length > 0) this.errorAtToken("/ may appear only once");
        if (args.length === 0) this.errorAtToken("at least one argument must precede /");
        this.pos++;
        posonlyargs.push(...args);
        args = [];
      } else if (this.tok() === Tok.STAR) {
        if (seenStar) this.errorAtToken("* argument may appear only once");
        const starToken = this.pos++;
        seenStar = true;
        if (this.tok() === Tok.COMMA || this.tok() === end) {
          if (this.tok() === end || this.peek(1) === end) {
            this.errorAtToken("named arguments must follow bare *", starToken);
          }
        } else {
          vararg = this.parseParameter(annotated, true);
        }
      } else if (this.tok() === Tok.DOUBLESTAR) {
        this.pos++;
        kwarg = this.parseParameter(annotated, false);
      } else {
        const param = this.parseParameter(annotated, false);
        let value: ast.expr | null = null;
        if (this.accept(Tok.EQUAL)) value = this.parseExpression();
        if (seenStar) {
          kwonlyargs.push(param);
          kw_defaults.push(value);
        } else {
          if (value !== null) defaults.push(value);
          else if (defaults.length > 0) this.errorAtNode("non-default argument follows default argument", param);
          args.push(param);
        }
      }
      if (!this.accept(Tok.COMMA)) break;
    }
    return { _type: "arguments", posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults };
  }

  private parseParameter(annotated: boolean, starAnnotation: boolean): ast.arg {
    const start = this.expect(Tok.NAME);
    let annotation: ast.expr | null = null;
    if (annotated && this.accept(Tok.COLON)) {
      annotation = starAnnotation && this.tok() === Tok.STAR ? this.parseStarExpression() : this.parseExpression();
    }
    return this.at(start, { _type: "arg", arg: this.nameText(start), annotation, type_comment: null });
  }
}

/** Tokens that can begin an operand written right after another one (`f(a b)`). */
const CAN_START_JUXTAPOSED = new Uint8Array(256);
for (const k of [
  Tok.NAME,
  Tok.NUMBER,
  Tok.STRING,
  Tok.LBRACE,
  Tok.NONE,
  Tok.TRUE,
  Tok.FALSE,
  Tok.ELLIPSIS,
  Tok.LAMBDA,
]) {
  CAN_START_JUXTAPOSED[k] = 1;
}

/** Tokens that can end an operand. */
const ENDS_OPERAND = new Uint8Array(256);
for (const k of [Tok.NAME, Tok.NUMBER, Tok.STRING, Tok.RPAR, Tok.RSQB, Tok.RBRACE, Tok.NONE, Tok.TRUE, Tok.FALSE]) {
  ENDS_OPERAND[k] = 1;
}
ENDS_OPERAND[Tok.ELLIPSIS] = 1;

/** Tokens after which a new operand (CPython's disjunction) begins. */
const OPERAND_SEPARATOR = new Uint8Array(256);
for (const k of [
  Tok.COMMA,
  Tok.EQUAL,
  Tok.COLON,
  Tok.COLONEQUAL,
  Tok.IF,
  Tok.ELSE,
  Tok.FOR,
  Tok.IN,
  Tok.LAMBDA,
  Tok.STAR,
  Tok.DOUBLESTAR,
  Tok.RETURN,
  Tok.YIELD,
]) {
  OPERAND_SEPARATOR[k] = 1;
}

function isSoftKeyword(name: string): boolean {
  return name === "match" || name === "case" || name === "_";
}

/** Thrown to abandon a speculative parse; never escapes the parser. */
const BACKTRACK = new Error("backtrack");

function isWhitespaceToken(kind: number): boolean {
  return kind === Tok.NEWLINE || kind === Tok.INDENT || kind === Tok.DEDENT;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** How CPython names an expression in "cannot assign to ..." messages. */
export function describeExpression(e: ast.expr): string {
  switch (e._type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant":
      if (e.value === null) return "None";
      if (e.value === true) return "True";
      if (e.value === false) return "False";
      if (e.value instanceof PyEllipsis) return "ellipsis";
      return "literal";
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    default:
      return "expression";
  }
}
