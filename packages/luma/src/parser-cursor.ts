// The parser's position in the token array, its error reporting, and its recovery.
//
// Error recovery works by unwinding: a parse function that cannot go on reports the error and
// throws `SyntaxAbort`; the nearest recovery point (a declaration list, an impl body, a block's
// statements, a match's arms, an item of a bracketed list) catches it, skips tokens to a place where
// parsing can resume (`synchronize`), and carries on. So the parse functions return whole nodes and
// never a half-built one, and one run reports many errors. A missing `;` before a new line needs no
// unwinding at all: it is reported and parsing goes on as if it were there.

import type { Identifier } from "./ast.js";
import type { SourceText } from "./source-text.js";
import { type RelatedPlace, SyntaxCode, type SyntaxDiagnostics, type SyntaxProblem } from "./syntax-diagnostics.js";
import { type DocLine, describeToken, type Token, type TokenKind } from "./tokens.js";

/** Unwinds to the nearest recovery point after an error was reported. */
export class SyntaxAbort {}

/** Unwinds out of the parser when the error cap is reached. */
export class StopParsing {}

/** How deep brackets, blocks, unary operators and `else if` chains may nest before the parser stops
 * following them: far beyond real programs, well within the JavaScript stack. */
export const MAX_NESTING = 200;

/** What a recovery point saves so that an abort from deeper down cannot leave it changed. */
export interface ParserContext {
  /** The token where the attempt started. */
  readonly position: number;
  readonly depth: number;
  readonly noStructLiteral: boolean;
}

/** Where `synchronize` stops skipping, outside every bracket it found open or opened. */
export interface SyncStops {
  /** Stop before a token for which this holds (`next` is the token after it). */
  readonly before: (token: Token, next: Token) => boolean;
  /** Stop after consuming a token for which this holds (`;` ends a broken statement). */
  readonly after?: (token: Token) => boolean;
  /** Stop after a `{ … }` group closes (a broken statement's block was skipped whole), if this holds
   * for the token that follows it (a statement does not end before `else`). */
  readonly afterBlock?: (following: Token) => boolean;
  /**
   * Closers with no opener in the skipped text: "brace" stops before an unmatched `}` (it closes the
   * enclosing block), "any" before any unmatched closer, "none" skips them as debris.
   */
  readonly unmatchedCloser: "brace" | "any" | "none";
}

/** Tokens that start a top-level declaration: in a block, they mean a `}` went missing before them. */
export const DECLARATION_STARTS: ReadonlySet<TokenKind> = new Set([
  "func",
  "struct",
  "enum",
  "impl",
  "import",
  "extern",
  "#",
]);

/**
 * Whether `token` starts a declaration: `func` followed by `(` is a function type, not a function.
 */
export function startsDeclaration(token: Token, next: Token): boolean {
  return DECLARATION_STARTS.has(token.kind) && !(token.kind === "func" && next.kind === "(");
}

/** Keywords that start a statement: a broken statement's skipping stops before them. */
export const STATEMENT_STARTS: ReadonlySet<TokenKind> = new Set([
  "let",
  "const",
  "if",
  "while",
  "for",
  "match",
  "return",
  "break",
  "continue",
]);

const OPENERS: ReadonlySet<TokenKind> = new Set(["(", "[", "{"]);
const CLOSERS: ReadonlySet<TokenKind> = new Set([")", "]", "}"]);

const MATCHING_CLOSER: Partial<Record<TokenKind, TokenKind>> = { "(": ")", "[": "]", "{": "}" };
const OPENER_OF: Partial<Record<TokenKind, TokenKind>> = { ")": "(", "]": "[", "}": "{" };

/** Keeps `open`, a stack of open brackets, up to date with one more token. */
function trackBracket(open: TokenKind[], kind: TokenKind): void {
  if (OPENERS.has(kind)) {
    open.push(kind);
  } else if (CLOSERS.has(kind)) {
    const at = open.lastIndexOf(OPENER_OF[kind]!);
    if (at >= 0) open.length = at;
  }
}

export class ParserCursor {
  private index = 0;
  /** Current nesting, checked against `MAX_NESTING`. */
  depth = 0;
  /** Set where `Name {` must not start a struct literal: a `for`'s iterable, a `match`'s value. */
  noStructLiteral = false;
  /** The start of the last error reported, so that one place gets one error. */
  private lastErrorOffset = -1;
  /** Indexes of tokens whose `///` lines were attached to a declaration or skipped with an error. */
  private readonly docsHandled = new Set<number>();
  /** The furthest token parsing reached, for the dangling doc comment check. */
  private furthest = 0;
  /** Whether `NestingTooDeep` was reported. */
  private nestingReported = false;

  constructor(
    readonly tokens: readonly Token[],
    readonly source: SourceText,
    readonly diagnostics: SyntaxDiagnostics,
  ) {}

  // -------------------------------------------------------------------------------------------------
  // Looking and moving

  get position(): number {
    return this.index;
  }

  /** The current token (the `EndOfFile` token once everything is consumed). */
  get token(): Token {
    return this.tokens[this.index]!;
  }

  /** The token `distance` places ahead, or `EndOfFile`. */
  peek(distance = 1): Token {
    return this.tokens[Math.min(this.index + distance, this.tokens.length - 1)]!;
  }

  /** The last token consumed; before the first, a point at offset 0. */
  get previous(): Token {
    return this.index > 0 ? this.tokens[this.index - 1]! : { ...this.tokens[0]!, start: 0, end: 0 };
  }

  at(kind: TokenKind): boolean {
    return this.token.kind === kind;
  }

  /** Whether the current token starts a top-level declaration (see `startsDeclaration`). */
  atDeclaration(): boolean {
    return startsDeclaration(this.token, this.peek());
  }

  advance(): Token {
    const token = this.token;
    if (token.kind !== "EndOfFile") this.index++;
    if (this.index > this.furthest) this.furthest = this.index;
    return token;
  }

  eat(kind: TokenKind): Token | null {
    return this.at(kind) ? this.advance() : null;
  }

  /** Whether `second` follows `first` with nothing between (`>` `>` spelling `>>`). */
  adjacent(first: Token, second: Token): boolean {
    return first.end === second.start;
  }

  describe(token: Token): string {
    return describeToken(token, this.source.text);
  }

  // -------------------------------------------------------------------------------------------------
  // Expecting

  /** Consumes a token of `kind` or fails with "expected `kind`, found …". */
  expect(kind: TokenKind, options: { opener?: Token; help?: string[] } = {}): Token {
    if (this.at(kind)) return this.advance();
    return this.failExpected(`\`${kind}\``, options);
  }

  expectIdentifier(what: string): Identifier {
    const token = this.token;
    if (token.kind !== "Identifier") this.failExpected(what);
    this.advance();
    return { kind: "Identifier", name: token.value as string, start: token.start, end: token.end };
  }

  /**
   * Fails with "expected WHAT, found TOKEN" at the current token. With an opener, a bracket that the
   * current token leaves unclosed gets a secondary label.
   */
  failExpected(what: string, options: { opener?: Token; help?: string[] } = {}): never {
    const found = this.token;
    const place = this.foundPlace(found);
    const related: RelatedPlace[] = [];
    const opener = options.opener;
    if (opener !== undefined && this.leavesOpen(opener)) {
      related.push({ start: opener.start, end: opener.end, label: `unclosed \`${opener.kind}\`` });
    }
    return this.fail({
      code: related.length > 0 ? SyntaxCode.UnclosedDelimiter : SyntaxCode.UnexpectedToken,
      message: `expected ${what}, found ${this.describe(found)}`,
      start: place,
      end: found.kind === "EndOfFile" ? place : found.end,
      related,
      help: options.help ?? [],
    });
  }

  /**
   * Consumes the `;` that ends a statement or declaration. When it is missing before a line break, a
   * `}` or the end of the file, the error is reported and parsing goes on as if it were there;
   * anything else on the same line aborts, since the statement is likely broken in the middle.
   */
  expectSemicolon(): void {
    if (this.eat(";")) return;
    const found = this.token;
    const insertAt = this.previous.end;
    // When the next token is on a later line, show it: it is what the statement ran into.
    const related: RelatedPlace[] =
      found.newlineBefore && found.kind !== "EndOfFile" && found.kind !== "}"
        ? [{ start: found.start, end: found.end, label: "unexpected token" }]
        : [];
    this.report({
      code: SyntaxCode.MissingSemicolon,
      message: `expected \`;\`, found ${this.describe(found)}`,
      start: insertAt,
      end: insertAt,
      label: "expected `;` here",
      related,
      help: ["add `;` to end the statement"],
    });
    const canGoOn = found.newlineBefore || found.kind === "}" || found.kind === "EndOfFile";
    if (!canGoOn) throw new SyntaxAbort();
  }

  /**
   * Reports a `{` whose `}` never came: the current token is the end of the file or a declaration
   * that cannot stand where it is. Parsing goes on from that token, as if the `}` were before it.
   */
  reportUnclosed(opener: Token, what: string): void {
    const found = this.token;
    const place = this.foundPlace(found);
    const help =
      found.kind === "EndOfFile"
        ? `add \`}\` to close the ${what}`
        : `a \`}\` is probably missing before this: a ${what} cannot hold ${this.describe(found)}`;
    this.report({
      code: SyntaxCode.UnclosedDelimiter,
      message: `expected \`}\` to close the ${what}, found ${this.describe(found)}`,
      start: place,
      end: found.kind === "EndOfFile" ? place : found.end,
      related: [{ start: opener.start, end: opener.end, label: "unclosed `{`" }],
      help: [help],
    });
  }

  /** Where "found X" points: the token itself, or just after the last token for the end of file. */
  private foundPlace(found: Token): number {
    return found.kind === "EndOfFile" ? this.previous.end : found.start;
  }

  /**
   * Whether `opener` is left unclosed: no matching closer follows before the end of the file or a
   * declaration keyword. Only then is the opener pointed at; `struct P { x: i64; y: i64 }` has a
   * wrong separator, not an unclosed brace.
   */
  private leavesOpen(opener: Token): boolean {
    const closer = MATCHING_CLOSER[opener.kind];
    if (closer === undefined) return false;
    let depth = 0;
    for (let i = this.index; i < this.tokens.length; i++) {
      const token = this.tokens[i]!;
      const kind = token.kind;
      if (kind === "EndOfFile" || (depth === 0 && startsDeclaration(token, this.tokens[i + 1] ?? token))) return true;
      if (OPENERS.has(kind)) depth++;
      else if (CLOSERS.has(kind)) {
        if (depth === 0) return kind !== closer;
        depth--;
      }
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------------
  // Reporting

  /** Records an error unless one was already reported at the same place; stops at the cap. */
  report(problem: SyntaxProblem): void {
    if (problem.start === this.lastErrorOffset) return;
    this.lastErrorOffset = problem.start;
    if (!this.diagnostics.error(problem)) throw new StopParsing();
  }

  fail(problem: SyntaxProblem): never {
    this.report(problem);
    throw new SyntaxAbort();
  }

  /**
   * Enters one level of nesting; past `MAX_NESTING`, fails rather than exhaust the stack. The error
   * is reported once: the recovery points inside the deep part would otherwise report it again.
   */
  enterNesting(): void {
    if (++this.depth > MAX_NESTING) {
      const token = this.token;
      if (this.nestingReported) throw new SyntaxAbort();
      this.nestingReported = true;
      this.fail({
        code: SyntaxCode.NestingTooDeep,
        message: `expressions, types or blocks nested more than ${MAX_NESTING} levels deep`,
        start: token.start,
        end: token.end,
        help: ["split the nested part into variables or functions"],
      });
    }
  }

  leaveNesting(): void {
    this.depth--;
  }

  // -------------------------------------------------------------------------------------------------
  // Documentation

  /** The `///` lines before the current token, now attached to the declaration it starts. */
  takeDocLines(): readonly DocLine[] {
    this.docsHandled.add(this.index);
    return this.token.docLines;
  }

  /** Warns of `///` comments before tokens that start no declaration, up to where parsing reached. */
  reportDanglingDocs(): void {
    const last = Math.min(this.furthest, this.tokens.length - 1);
    for (let i = 0; i <= last; i++) {
      const token = this.tokens[i]!;
      if (token.docLines.length === 0 || this.docsHandled.has(i)) continue;
      const first = token.docLines[0]!;
      const final = token.docLines[token.docLines.length - 1]!;
      this.diagnostics.warning({
        code: SyntaxCode.DanglingDocComment,
        message:
          token.kind === "EndOfFile"
            ? "doc comment at the end of the file documents nothing"
            : `doc comment documents nothing: it is followed by ${this.describe(token)}, not a declaration`,
        start: first.start,
        end: final.end,
        help: ["`///` documents the declaration below it; use `//` for an ordinary comment"],
      });
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Recovery

  saveContext(): ParserContext {
    return { position: this.index, depth: this.depth, noStructLiteral: this.noStructLiteral };
  }

  /**
   * Called by a recovery point with what it caught: rethrows anything but `SyntaxAbort`, restores the
   * context saved before the failed attempt, and skips to where parsing can resume. Brackets the
   * failed attempt opened are still open, so skipping closes them before it looks for a stop.
   */
  recover(caught: unknown, context: ParserContext, stops: SyncStops): void {
    if (!(caught instanceof SyntaxAbort)) throw caught;
    this.depth = context.depth;
    this.noStructLiteral = context.noStructLiteral;
    const open: TokenKind[] = [];
    for (let i = context.position; i < this.index; i++) trackBracket(open, this.tokens[i]!.kind);
    this.synchronize(stops, open);
  }

  /**
   * Skips tokens until one of `stops` holds outside every bracket, `open` being the brackets already
   * open. A closer that matches none of them belongs to an enclosing construct (or is debris, per
   * `stops.unmatchedCloser`); a `;` right inside parentheses means they were never closed, since
   * only a block (a closure's body) or brackets (`[0; 8]`) can hold a `;` there; and a stop at the
   * start of a line (`let`, `func`) means the parentheses or brackets before it were never closed.
   */
  synchronize(stops: SyncStops, open: TokenKind[] = []): void {
    for (;;) {
      const token = this.token;
      const kind = token.kind;
      if (kind === "EndOfFile") return;
      if (kind === ";") {
        while (open[open.length - 1] === "(") open.pop();
      }
      const next = this.peek();
      if (open.length > 0 && token.newlineBefore && !open.includes("{") && stops.before(token, next)) open.length = 0;
      if (open.length === 0) {
        if (stops.before(token, next)) return;
        if (stops.after?.(token) === true) {
          this.skipOne();
          return;
        }
      }
      if (OPENERS.has(kind)) {
        open.push(kind);
      } else if (CLOSERS.has(kind)) {
        const at = open.lastIndexOf(OPENER_OF[kind]!);
        if (at >= 0) {
          open.length = at;
          if (at === 0 && kind === "}" && stops.afterBlock !== undefined) {
            this.skipOne();
            if (stops.afterBlock(this.token)) return;
            continue;
          }
        } else if (stops.unmatchedCloser === "any" || (stops.unmatchedCloser === "brace" && kind === "}")) {
          return;
        }
      }
      this.skipOne();
    }
  }

  /** Skips a token as debris of an error: its doc comment, if any, was part of the broken text. */
  skipOne(): void {
    this.docsHandled.add(this.index);
    this.advance();
  }

  /**
   * Runs a list parser item by item: `open item, item, … close`, a trailing comma allowed. An item
   * that fails is skipped up to the next `,` or the closer, so one bad argument costs one error.
   */
  delimited<T>(open: TokenKind, close: TokenKind, what: string, parseItem: () => T): { items: T[]; end: number } {
    const opener = this.expect(open);
    const items: T[] = [];
    for (;;) {
      const token = this.token;
      if (token.kind === close) break;
      if (token.kind === "EndOfFile" || CLOSERS.has(token.kind)) this.failExpected(`\`${close}\``, { opener });
      const context = this.saveContext();
      let failed = false;
      try {
        items.push(parseItem());
      } catch (caught) {
        this.recover(caught, context, {
          before: (skipped, next) =>
            skipped.kind === "," || skipped.kind === close || skipped.kind === ";" || startsDeclaration(skipped, next),
          unmatchedCloser: "any",
        });
        failed = true;
      }
      if (this.eat(",")) continue;
      if (this.at(close)) break;
      // The item's own error stands for the list's: reporting both would say one thing twice.
      if (failed) throw new SyntaxAbort();
      this.failExpected(`\`,\` or \`${close}\` after ${what}`, { opener, help: this.listSeparatorHelp(close) });
    }
    return { items, end: this.advance().end };
  }

  /** A hint when a list item is followed by something other than `,` or the closer. */
  private listSeparatorHelp(close: TokenKind): string[] {
    const found = this.token.kind;
    if (found === ";" && close === "}") return ["items in braces are separated by `,`, not `;`"];
    const startsItem = found === "Identifier" || found === "Integer" || found === "Float" || found === "String";
    return startsItem ? ["separate the items with `,`"] : [];
  }
}
