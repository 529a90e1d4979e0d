// Adjacent string tokens become one Constant, or one JoinedStr when any of them is an f-string, as in
// CPython 3.11's string_parser.c: literal text accumulates until a replacement field flushes it, every
// Constant and FormattedValue spans the whole run of tokens (a format spec is the exception: see
// JoinedStrBuilder), and each field's expression is parsed on its own as `(expr)` with the column and
// line shifts CPython computes (quirks included).

import type * as ast from "./ast.js";
import { PyBytes, type PyStr } from "./constant-value.js";
import { LiteralError } from "./literal-error.js";
import { parseFStringExpression } from "./parser.js";
import { concatPyStr, decodeStringBody } from "./string-literal.js";
import { PySyntaxError } from "./syntax-error.js";
import { type Tokens, utf8Length } from "./tokenizer.js";

/** Raises a SyntaxError at token `tokenIndex`, or at the last token read when that is null. */
type Fail = (message: string, tokenIndex: number | null) => never;

interface Span {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** Where CPython places a node it builds from a first and a last token (make_str_node_and_del). */
interface Site {
  span: Span;
  /** "u" when the first token is a u-string: CPython looks at that token, not at the whole run. */
  kind: string | null;
}

function siteOf(tokens: Tokens, first: number, last: number): Site {
  return {
    span: {
      lineno: tokens.line[first]!,
      col_offset: tokens.col[first]!,
      end_lineno: tokens.endLine[last]!,
      end_col_offset: tokens.endCol[last]!,
    },
    kind: tokens.text(first).charCodeAt(0) === 117 /* u */ ? "u" : null,
  };
}

interface StringToken {
  index: number;
  text: string;
  /** Offset of the body (after prefix and opening quotes) in `text`, and its end. */
  bodyStart: number;
  bodyEnd: number;
  isBytes: boolean;
  isRaw: boolean;
  isFString: boolean;
}

export function concatenateStrings(tokens: Tokens, first: number, last: number, fail: Fail): ast.expr {
  const whole = siteOf(tokens, first, last);
  const parts: StringToken[] = [];
  let anyFString = false;
  for (let i = first; i <= last; i++) {
    const part = splitStringToken(tokens.text(i), i);
    if (part.isBytes !== parts[0]?.isBytes && parts.length > 0) {
      fail("cannot mix bytes and nonbytes literals", null);
    }
    anyFString ||= part.isFString;
    parts.push(part);
  }
  if (parts[0]!.isBytes) {
    const chunks = parts.map((p) => decodeBytesPart(p, fail));
    return { _type: "Constant", value: new PyBytes(joinBytes(chunks)), kind: whole.kind, ...whole.span };
  }
  if (!anyFString) {
    let value: PyStr = "";
    for (const p of parts) value = concatPyStr([value, decodePart(p, p.bodyStart, p.bodyEnd, fail)]);
    return { _type: "Constant", value, kind: whole.kind, ...whole.span };
  }
  const builder = new JoinedStrBuilder(whole, whole);
  for (const p of parts) {
    if (p.isFString) {
      const scanner = new FStringScanner(tokens, p, whole, fail);
      scanner.scanInto(builder, 0);
    } else {
      builder.addLiteral(decodePart(p, p.bodyStart, p.bodyEnd, fail));
    }
  }
  return builder.finish();
}

function splitStringToken(text: string, index: number): StringToken {
  let i = 0;
  let isBytes = false;
  let isRaw = false;
  let isFString = false;
  while (true) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 98 /* b */) isBytes = true;
    else if (c === 114 /* r */) isRaw = true;
    else if (c === 102 /* f */) isFString = true;
    else if (c !== 117 /* u */) break;
    i++;
  }
  const quote = text.charCodeAt(i);
  const triple = text.length - i >= 6 && text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote;
  const q = triple ? 3 : 1;
  return { index, text, bodyStart: i + q, bodyEnd: text.length - q, isBytes, isRaw, isFString };
}

function decodePart(p: StringToken, start: number, end: number, fail: Fail): PyStr {
  try {
    return decodeStringBody(p.text.slice(start, end), p.isRaw, false) as PyStr;
  } catch (error) {
    reraiseAtSite(error, p, fail);
  }
}

function decodeBytesPart(p: StringToken, fail: Fail): Uint8Array {
  try {
    return decodeStringBody(p.text.slice(p.bodyStart, p.bodyEnd), p.isRaw, true) as Uint8Array;
  } catch (error) {
    reraiseAtSite(error, p, fail);
  }
}

/** A literal decoder knows CPython's message; where CPython reports it depends on the error. */
function reraiseAtSite(error: unknown, p: StringToken, fail: Fail): never {
  if (error instanceof LiteralError) fail(error.msg, error.site === "token" ? p.index : null);
  if (error instanceof PySyntaxError) fail(error.msg, null);
  throw error;
}

function joinBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * CPython's FstringParser state: pending literal text and the values built so far. Fields, and the
 * literal a field flushes, are placed at `fieldSite`; the JoinedStr and the literal left pending at its
 * end at `endSite`. Both are the whole run of tokens, except for a format spec, whose end is placed at
 * the token holding it (fstring_parse finishes at `t, t`) while its fields still span the whole run.
 */
class JoinedStrBuilder {
  private pending: PyStr[] = [];
  private readonly values: ast.expr[] = [];

  constructor(
    private readonly fieldSite: Site,
    private readonly endSite: Site,
  ) {}

  addLiteral(text: PyStr): void {
    if (text !== "") this.pending.push(text);
  }

  addField(field: ast.FormattedValue): void {
    this.flush(this.fieldSite);
    this.values.push(field);
  }

  finish(): ast.JoinedStr {
    this.flush(this.endSite);
    return { _type: "JoinedStr", values: this.values, ...this.endSite.span };
  }

  private flush(site: Site): void {
    if (this.pending.length === 0) return;
    const value = concatPyStr(this.pending);
    this.pending = [];
    if (value === "") return;
    this.values.push({ _type: "Constant", value, kind: site.kind, ...site.span });
  }
}

const MAX_NESTED_BRACKETS = 200;

/** Scans one f-string token body: literal text, `{{`/`}}`, and replacement fields with specs. */
class FStringScanner {
  private pos: number;
  private readonly end: number;
  private readonly text: string;

  constructor(
    private readonly tokens: Tokens,
    private readonly part: StringToken,
    private readonly whole: Site,
    private readonly fail: Fail,
  ) {
    this.pos = part.bodyStart;
    this.end = part.bodyEnd;
    this.text = part.text;
  }

  private error(message: string): never {
    this.fail(message, null);
  }

  /** Adds literals and fields to `builder` until the body ends, or a `}` ends a format spec. */
  scanInto(builder: JoinedStrBuilder, depth: number): void {
    while (true) {
      const literalEnd = this.scanLiteral(builder, depth);
      if (literalEnd === "continue") continue;
      if (this.pos >= this.end || this.text.charCodeAt(this.pos) === 125 /* } */) break;
      this.scanField(builder, depth);
    }
    if (depth === 0 && this.pos < this.end) this.error("f-string: single '}' is not allowed");
  }

  /** fstring_find_literal: returns "continue" after a doubled brace. */
  private scanLiteral(builder: JoinedStrBuilder, depth: number): "continue" | "stop" {
    const text = this.text;
    const end = this.end;
    const start = this.pos;
    let s = start;
    let result: "continue" | "stop" = "stop";
    let literalEnd = -1;
    while (s < end) {
      let ch = text.charCodeAt(s++);
      if (!this.part.isRaw && ch === 92 /* \ */ && s < end) {
        ch = text.charCodeAt(s++);
        if (ch === 78 /* N */) {
          if (s < end && text.charCodeAt(s++) === 123) {
            while (s < end && text.charCodeAt(s++) !== 125) {}
            continue;
          }
          break;
        }
      }
      if (ch === 123 || ch === 125) {
        if (depth === 0) {
          if (s < end && text.charCodeAt(s) === ch) {
            literalEnd = s;
            this.pos = s + 1;
            result = "continue";
            break;
          }
          if (ch === 125) {
            this.pos = s - 1;
            this.error("f-string: single '}' is not allowed");
          }
        }
        s--;
        break;
      }
    }
    if (literalEnd < 0) {
      literalEnd = s;
      this.pos = s;
    }
    if (literalEnd > start) {
      builder.addLiteral(decodePart(this.part, start, literalEnd, this.fail));
    }
    return result;
  }

  /** fstring_find_expr: one `{expr[=][!c][:spec]}` field starting at '{'. */
  private scanField(builder: JoinedStrBuilder, depth: number): void {
    if (depth >= 2) this.error("f-string: expressions nested too deeply");
    const text = this.text;
    const end = this.end;
    const brace = this.pos;
    let s = brace + 1;
    const exprStart = s;
    let quote = 0;
    let tripleQuoted = false;
    const brackets: number[] = [];
    for (; s < end; s++) {
      const ch = text.charCodeAt(s);
      if (ch === 92) this.error("f-string expression part cannot include a backslash");
      if (quote !== 0) {
        if (ch === quote) {
          if (tripleQuoted) {
            if (s + 2 < end && text.charCodeAt(s + 1) === ch && text.charCodeAt(s + 2) === ch) {
              s += 2;
              quote = 0;
            }
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (ch === 39 || ch === 34) {
        tripleQuoted = s + 2 < end && text.charCodeAt(s + 1) === ch && text.charCodeAt(s + 2) === ch;
        if (tripleQuoted) s += 2;
        quote = ch;
      } else if (ch === 40 || ch === 91 || ch === 123) {
        if (brackets.length >= MAX_NESTED_BRACKETS) this.error("f-string: too many nested parenthesis");
        brackets.push(ch);
      } else if (ch === 35) {
        this.error("f-string expression part cannot include '#'");
      } else if (
        brackets.length === 0 &&
        (ch === 33 || ch === 58 || ch === 125 || ch === 61 || ch === 60 || ch === 62) /* ! : } = < > */
      ) {
        if (s + 1 < end && text.charCodeAt(s + 1) === 61 && (ch === 33 || ch === 61 || ch === 60 || ch === 62)) {
          s++;
          continue;
        }
        if (ch === 60 || ch === 62) continue;
        break;
      } else if (ch === 41 || ch === 93 || ch === 125) {
        const open = brackets.pop();
        if (open === undefined) this.error(`f-string: unmatched '${String.fromCharCode(ch)}'`);
        const expected = open === 40 ? 41 : open === 91 ? 93 : 125;
        if (ch !== expected) {
          this.error(
            `f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(open)}'`,
          );
        }
      }
    }
    const exprEnd = s;
    if (quote !== 0) this.error("f-string: unterminated string");
    if (brackets.length > 0) this.error(`f-string: unmatched '${String.fromCharCode(brackets.at(-1)!)}'`);
    if (s >= end) this.error("f-string: expecting '}'");
    const value = this.compileExpression(brace, exprStart, exprEnd);

    let debugText: string | null = null;
    if (text.charCodeAt(s) === 61 /* = */) {
      s++;
      while (s < end && isAsciiSpace(text.charCodeAt(s))) s++;
      if (s >= end) this.error("f-string: expecting '}'");
      debugText = text.slice(exprStart, s);
    }
    let conversion = -1;
    if (text.charCodeAt(s) === 33 /* ! */) {
      s++;
      if (s >= end) this.error("f-string: expecting '}'");
      conversion = text.charCodeAt(s);
      s++;
      if (conversion !== 115 && conversion !== 114 && conversion !== 97) {
        this.error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    let formatSpec: ast.JoinedStr | null = null;
    if (s < end && text.charCodeAt(s) === 58 /* : */) {
      s++;
      if (s >= end) this.error("f-string: expecting '}'");
      this.pos = s;
      const specBuilder = new JoinedStrBuilder(this.whole, siteOf(this.tokens, this.part.index, this.part.index));
      this.scanInto(specBuilder, depth + 1);
      formatSpec = specBuilder.finish();
      s = this.pos;
    }
    if (s >= end || text.charCodeAt(s) !== 125) this.error("f-string: expecting '}'");
    this.pos = s + 1;
    if (debugText !== null && formatSpec === null && conversion === -1) conversion = 114;
    if (debugText !== null) builder.addLiteral(debugText);
    builder.addField({ _type: "FormattedValue", value, conversion, format_spec: formatSpec, ...this.whole.span });
  }

  /** fstring_compile_expr + fstring_find_expr_location of CPython 3.11. */
  private compileExpression(brace: number, exprStart: number, exprEnd: number): ast.expr {
    const text = this.text;
    const exprText = text.slice(exprStart, exprEnd);
    if (/^[ \t\n\f]*$/.test(exprText)) this.error("f-string: empty expression not allowed");
    let newlineAfterBrace = true;
    for (let i = brace + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 125 || c === 10) break;
      if (c !== 32 && c !== 9 && c !== 12) {
        newlineAfterBrace = false;
        break;
      }
    }
    let cols = 0;
    if (!newlineAfterBrace) {
      const lineStart = text.lastIndexOf("\n", brace);
      // Columns count bytes from the preceding newline (exclusive), or from the token's first character.
      cols = utf8Length(text, lineStart < 0 ? 0 : lineStart + 1, brace);
    }
    let lines = 0;
    for (let i = text.indexOf("\n"); i >= 0 && i < brace; i = text.indexOf("\n", i + 1)) lines++;
    const t = this.tokens;
    const i = this.part.index;
    try {
      return parseFStringExpression(`(${exprText})`, t.filename, {
        lineOffset: t.line[i]! + lines - 1,
        // The token's own column only counts when the field is on the token's first line.
        firstLineColOffset: lines === 0 ? t.col[i]! + cols : cols,
      });
    } catch (error) {
      if (error instanceof PySyntaxError && !error.msg.startsWith("f-string")) {
        throw new PySyntaxError(
          error.kind,
          `f-string: ${error.msg}`,
          error.filename,
          error.lineno,
          error.offset,
          error.endLineno,
          error.endOffset,
        );
      }
      throw error;
    }
  }
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
