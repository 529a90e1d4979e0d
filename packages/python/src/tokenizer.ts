// Python 3.11's tokenizer (Parser/tokenizer.c), hand-written for speed: the whole file is tokenized up
// front into parallel typed arrays, so the parser can look ahead and backtrack by index for free.
// Positions are CPython's: 1-based lines, 0-based columns counted in UTF-8 bytes.
// A tokenizer error becomes an ERROR token that ends the stream; the parser raises it only if it gets
// that far, which reproduces CPython's order of reporting (a parse error earlier in the file wins).

import { PySyntaxError } from "./syntax-error.js";
import { KEYWORDS, OPERATORS, Tok } from "./token-kind.js";

const TAB_SIZE = 8;
const MAX_INDENT = 100;
const MAX_PAREN_LEVEL = 200;

/** Where a sub-source (an f-string expression) sits in the file, so its tokens get file positions. */
export interface SourceOrigin {
  /** Added to every line number. */
  lineOffset: number;
  /** Added to the columns of tokens that end on the first line, as CPython does for f-string fields. */
  firstLineColOffset: number;
}

export class Tokens {
  count = 0;
  kind: Uint8Array;
  /** Start and end as UTF-16 indexes into the source, for slicing token text. */
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  col: Int32Array;
  endLine: Int32Array;
  endCol: Int32Array;
  /** The error an ERROR token stands for. */
  error: PySyntaxError | null = null;
  /** True when that error is a bracket still open at the end of the file. */
  unclosedBracket = false;
  /**
   * Whether CPython's tokenizer raises the error itself. Only such errors (and an unclosed bracket)
   * replace a parse error found earlier; indentation and line-continuation errors never do.
   */
  errorIsRaisedByTokenizer = true;

  constructor(
    readonly source: string,
    readonly filename: string,
    capacity: number,
    /** Set for an f-string field parsed on its own. */
    readonly origin: SourceOrigin | null,
  ) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.col = new Int32Array(capacity);
    this.endLine = new Int32Array(capacity);
    this.endCol = new Int32Array(capacity);
  }

  text(i: number): string {
    return this.source.slice(this.start[i], this.end[i]);
  }

  push(kind: Tok, start: number, end: number, line: number, col: number, endLine: number, endCol: number): void {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.line[i] = line;
    this.col[i] = col;
    this.endLine[i] = endLine;
    this.endCol[i] = endCol;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const widen = <T extends Uint8Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.kind = widen(this.kind);
    this.start = widen(this.start);
    this.end = widen(this.end);
    this.line = widen(this.line);
    this.col = widen(this.col);
    this.endLine = widen(this.endLine);
    this.endCol = widen(this.endCol);
  }
}

/** Tokenizes a whole decoded source. Never throws: an error ends the stream in an ERROR token. */
export function tokenize(source: string, filename: string, origin: SourceOrigin | null = null): Tokens {
  // CPython's tokenizer reads \r\n and a lone \r as \n.
  const text = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  return new Tokenizer(text, filename, origin).run();
}

const CH_TAB = 9;
const CH_NL = 10;
const CH_FF = 12;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_HASH = 35;
const CH_QUOTE = 34;
const CH_APOS = 39;
const CH_BACKSLASH = 92;
const CH_DOT = 46;
const CH_0 = 48;
const CH_9 = 57;

/** One bit per ASCII code: may this character continue an identifier? */
const IDENT_CONTINUE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  IDENT_CONTINUE[c] = /[A-Za-z0-9_]/.test(ch) ? 1 : 0;
}

/** Operators indexed by first character, longest spelling first. */
const OPERATORS_BY_FIRST = new Map<number, Array<readonly [string, Tok]>>();
for (const op of OPERATORS) {
  const first = op[0].charCodeAt(0);
  let list = OPERATORS_BY_FIRST.get(first);
  if (list === undefined) {
    list = [];
    OPERATORS_BY_FIRST.set(first, list);
  }
  list.push(op);
}

const CLOSING_OF: Record<number, number> = { 40: 41, 91: 93, 123: 125 };

class Tokenizer {
  private readonly src: string;
  private readonly length: number;
  private readonly tokens: Tokens;
  private readonly asciiOnly: boolean;
  private pos = 0;
  private lineno = 1;
  private lineStart = 0;
  // Incremental UTF-8 column of the current line: bytes up to colCachePos.
  private colCachePos = 0;
  private colCacheBytes = 0;
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  private readonly parens: Array<{ char: number; line: number; col: number; lineStart: number }> = [];
  private readonly lineOffset: number;
  private readonly firstLineColOffset: number;

  constructor(
    source: string,
    private readonly filename: string,
    origin: SourceOrigin | null,
  ) {
    this.src = source;
    this.length = source.length;
    this.tokens = new Tokens(source, filename, Math.max(16, source.length >> 2), origin);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
    this.asciiOnly = !/[^\x00-\x7f]/.test(source);
    this.lineOffset = origin?.lineOffset ?? 0;
    this.firstLineColOffset = origin?.firstLineColOffset ?? 0;
  }

  run(): Tokens {
    try {
      this.scanFile();
    } catch (error) {
      if (!(error instanceof PySyntaxError)) throw error;
      this.tokens.error = error;
      const at = this.tokens.count > 0 ? this.tokens.count - 1 : -1;
      const line = at >= 0 ? this.tokens.endLine[at] : 1;
      const col = at >= 0 ? this.tokens.endCol[at] : 0;
      this.tokens.push(Tok.ERROR, this.pos, this.pos, line, col, line, col);
    }
    return this.tokens;
  }

  private scanFile(): void {
    const src = this.src;
    let atLineStart = true;
    while (true) {
      if (atLineStart) {
        atLineStart = false;
        if (this.scanIndentation()) {
          // A blank or comment-only line: skip to its end.
          this.skipToLineEnd();
          if (this.pos >= this.length) break;
          this.newLine(this.pos + 1);
          atLineStart = true;
          continue;
        }
      }
      // Skip blanks between tokens.
      let c = src.charCodeAt(this.pos);
      while (c === CH_SPACE || c === CH_TAB || c === CH_FF) c = src.charCodeAt(++this.pos);
      if (this.pos >= this.length) break;
      if (c === CH_HASH) {
        this.skipToLineEnd();
        continue;
      }
      if (c === CH_NL) {
        if (this.parens.length === 0) this.emit(Tok.NEWLINE, this.pos, this.pos + 1);
        this.newLine(this.pos + 1);
        atLineStart = this.parens.length === 0;
        continue;
      }
      if (c === CH_BACKSLASH) {
        this.scanContinuation();
        continue;
      }
      this.scanToken(c);
    }
    this.finishFile();
  }

  /**
   * Measures the indentation of a new logical line and emits INDENT/DEDENT tokens.
   * Returns true when the line is blank or only a comment (it then does not count).
   */
  private scanIndentation(): boolean {
    const src = this.src;
    let col = 0;
    let altCol = 0;
    let c = src.charCodeAt(this.pos);
    while (true) {
      if (c === CH_SPACE) {
        col++;
        altCol++;
      } else if (c === CH_TAB) {
        col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE;
        altCol++;
      } else if (c === CH_FF) {
        col = 0;
        altCol = 0;
      } else {
        break;
      }
      c = src.charCodeAt(++this.pos);
    }
    if (c === CH_HASH || c === CH_NL || c === CH_CR) return true;
    if (this.pos >= this.length) return false;
    if (this.parens.length > 0) return false;
    const indents = this.indents;
    const top = indents.length - 1;
    if (col === indents[top]) {
      if (altCol !== this.altIndents[top]) this.tabError();
    } else if (col > indents[top]) {
      if (indents.length >= MAX_INDENT) {
        this.tokens.errorIsRaisedByTokenizer = false;
        this.fail("SyntaxError", "too many levels of indentation", this.pos);
      }
      if (altCol <= this.altIndents[top]) this.tabError();
      indents.push(col);
      this.altIndents.push(altCol);
      this.emit(Tok.INDENT, this.lineStart, this.pos);
    } else {
      // Check the target level before emitting anything: CPython fails before its first DEDENT.
      let level = indents.length - 1;
      while (level > 0 && col < indents[level]!) level--;
      if (col !== indents[level]) {
        // CPython has read the whole line by then and points past its end.
        const lineEnd = this.src.indexOf("\n", this.pos);
        this.tokens.errorIsRaisedByTokenizer = false;
        throw this.errorAt(
          "unindent does not match any outer indentation level",
          this.lineno,
          this.byteColumn(lineEnd < 0 ? this.length : lineEnd),
          "IndentationError",
          "indent this line to the same column as an enclosing block",
        );
      }
      while (indents.length - 1 > level) {
        indents.pop();
        this.altIndents.pop();
        this.emit(Tok.DEDENT, this.pos, this.pos);
      }
      if (altCol !== this.altIndents[this.altIndents.length - 1]) this.tabError();
    }
    return false;
  }

  private tabError(): never {
    this.tokens.errorIsRaisedByTokenizer = false;
    throw this.errorAt(
      "inconsistent use of tabs and spaces in indentation",
      this.lineno,
      0,
      "TabError",
      "indent with spaces only, or tabs only, throughout the file",
    );
  }

  private skipToLineEnd(): void {
    const next = this.src.indexOf("\n", this.pos);
    this.pos = next < 0 ? this.length : next;
  }

  private newLine(start: number): void {
    this.pos = start;
    this.lineno++;
    this.lineStart = start;
    this.colCachePos = start;
    this.colCacheBytes = 0;
  }

  private scanContinuation(): void {
    const at = this.pos;
    const next = this.src.charCodeAt(at + 1);
    if (next === CH_NL && at + 2 < this.length) {
      this.newLine(at + 2);
      return;
    }
    this.tokens.errorIsRaisedByTokenizer = false;
    if (next === CH_NL || at + 1 >= this.length) {
      if (this.parens.length > 0) throw this.unclosedBracketError();
      this.fail("SyntaxError", "unexpected EOF while parsing", at + 1);
    }
    this.fail("SyntaxError", "unexpected character after line continuation character", at + 1);
  }

  private scanToken(c: number): void {
    const start = this.pos;
    if (c < 128 ? IDENT_CONTINUE[c] === 1 && !(c >= CH_0 && c <= CH_9) : isIdentifierStartOrError(c)) {
      this.scanNameOrPrefixedString(start);
      return;
    }
    if ((c >= CH_0 && c <= CH_9) || (c === CH_DOT && isDigit(this.src.charCodeAt(start + 1)))) {
      this.scanNumber(start);
      return;
    }
    if (c === CH_QUOTE || c === CH_APOS) {
      this.scanString(start, start);
      return;
    }
    const candidates = OPERATORS_BY_FIRST.get(c);
    if (candidates !== undefined) {
      for (const [text, kind] of candidates) {
        if (text.length === 1 || this.src.startsWith(text, start)) {
          this.pos = start + text.length;
          this.trackBracket(c, start);
          this.emit(kind, start, this.pos);
          return;
        }
      }
    }
    this.invalidCharacter(start);
  }

  private scanNameOrPrefixedString(start: number): void {
    const src = this.src;
    let end = start;
    let c = src.charCodeAt(end);
    // Every non-ASCII character joins the name; verifyIdentifier judges it afterwards, as CPython does.
    while (end < this.length && (c >= 128 || IDENT_CONTINUE[c] === 1)) c = src.charCodeAt(++end);
    if ((c === CH_QUOTE || c === CH_APOS) && end - start <= 2 && isStringPrefix(src.slice(start, end))) {
      this.scanString(start, end);
      return;
    }
    this.pos = end;
    const text = src.slice(start, end);
    if (end - start > 1 || c >= 128) {
      const keyword = KEYWORDS.get(text);
      if (keyword !== undefined) {
        this.emit(keyword, start, end);
        return;
      }
    }
    if (!this.asciiOnly) this.verifyIdentifier(text, start);
    this.emit(Tok.NAME, start, end);
  }

  private verifyIdentifier(text: string, start: number): void {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
    if (!/[^\x00-\x7f]/.test(text)) return;
    const normalized = text.normalize("NFKC");
    let i = 0;
    for (const ch of normalized) {
      const ok = i === 0 ? XID_START.test(ch) || ch === "_" : XID_CONTINUE.test(ch);
      if (!ok) {
        // CPython points at the first offending character of the original spelling.
        const bad = [...text].find((c, k) => !(k === 0 ? XID_START.test(c) || c === "_" : XID_CONTINUE.test(c)));
        const badIndex = bad === undefined ? start : start + text.indexOf(bad);
        this.invalidCharacter(badIndex);
      }
      i++;
    }
  }

  private invalidCharacter(at: number): never {
    const cp = this.src.codePointAt(at) ?? 0;
    if (cp < 128) {
      // CPython turns a stray ASCII character into an error token and the parser says "invalid syntax".
      this.fail("SyntaxError", "invalid syntax", at);
    }
    const ch = String.fromCodePoint(cp);
    const hex = cp.toString(16).toUpperCase().padStart(4, "0");
    if (/\p{Cc}|\p{Cf}|\p{Zs}|\p{Zl}|\p{Zp}|\p{Co}|\p{Cs}|\p{Cn}/u.test(ch) && cp !== 0x20) {
      this.fail("SyntaxError", `invalid non-printable character U+${hex}`, at);
    }
    this.fail("SyntaxError", `invalid character '${ch}' (U+${hex})`, at);
  }

  private trackBracket(c: number, start: number): void {
    if (c === 40 || c === 91 || c === 123) {
      if (this.parens.length >= MAX_PAREN_LEVEL) this.fail("SyntaxError", "too many nested parentheses", start);
      this.parens.push({ char: c, line: this.lineno, col: this.byteColumn(start), lineStart: this.lineStart });
    } else if (c === 41 || c === 93 || c === 125) {
      const open = this.parens.pop();
      if (open === undefined) {
        this.fail("SyntaxError", `unmatched '${String.fromCharCode(c)}'`, start);
      }
      if (CLOSING_OF[open.char] !== c) {
        const closing = String.fromCharCode(c);
        const opening = String.fromCharCode(open.char);
        const where = open.line !== this.lineno ? ` on line ${open.line + this.lineOffset}` : "";
        const error = this.errorAt(
          `closing parenthesis '${closing}' does not match opening parenthesis '${opening}'${where}`,
          this.lineno,
          this.byteColumn(start),
          "SyntaxError",
          `close the '${opening}' with '${String.fromCharCode(CLOSING_OF[open.char]!)}' first`,
        );
        const related = {
          message: `'${opening}' opened here`,
          lineno: open.line + this.lineOffset,
          offset: this.characterOffset(open.line, open.col),
        };
        throw new PySyntaxError(
          error.kind,
          error.msg,
          error.filename,
          error.lineno,
          error.offset,
          error.endLineno,
          error.endOffset,
          related,
          error.help,
        );
      }
    }
  }

  private scanNumber(start: number): void {
    const src = this.src;
    let p = start;
    let c = src.charCodeAt(p);
    const digitsWith = (isDigitOf: (c: number) => boolean, what: string): void => {
      // Digits with single underscores between them.
      while (true) {
        while (isDigitOf(src.charCodeAt(p))) p++;
        if (src.charCodeAt(p) !== 95) break;
        p++;
        if (!isDigitOf(src.charCodeAt(p))) {
          this.pos = p;
          this.fail("SyntaxError", `invalid ${what}`, p - 1);
        }
      }
    };
    if (c === CH_0 && /[xXoObB]/.test(src[p + 1] ?? "")) {
      const radixChar = src[p + 1]!.toLowerCase();
      p += 2;
      const [test, what] =
        radixChar === "x"
          ? [isHexDigit, "hexadecimal literal"]
          : radixChar === "o"
            ? [isOctDigit, "octal literal"]
            : [isBinDigit, "binary literal"];
      if (src.charCodeAt(p) === 95) p++;
      if (!test(src.charCodeAt(p))) {
        const bad = src.charCodeAt(p);
        if (isDigit(bad)) this.fail("SyntaxError", `invalid digit '${src[p]}' in ${what}`, p);
        this.fail("SyntaxError", `invalid ${what}`, p);
      }
      digitsWith(test, what);
      if (isDigit(src.charCodeAt(p))) {
        this.fail("SyntaxError", `invalid digit '${src[p]}' in ${what}`, p);
      }
      this.finishNumber(start, p, what);
      return;
    }
    let isFloat = false;
    if (c !== CH_DOT) {
      digitsWith(isDigit, "decimal literal");
      c = src.charCodeAt(p);
    }
    if (c === CH_DOT) {
      isFloat = true;
      p++;
      if (isDigit(src.charCodeAt(p))) digitsWith(isDigit, "decimal literal");
      c = src.charCodeAt(p);
    }
    if (c === 101 || c === 69) {
      // An exponent, unless the 'e' starts a name (as in `1else`): then it is not part of the number.
      let q = p + 1;
      const sign = src.charCodeAt(q);
      if (sign === 43 || sign === 45) q++;
      if (isDigit(src.charCodeAt(q))) {
        p = q;
        digitsWith(isDigit, "decimal literal");
        isFloat = true;
      } else if (sign === 43 || sign === 45) {
        this.fail("SyntaxError", "invalid decimal literal", p);
      }
      c = src.charCodeAt(p);
    }
    if (c === 106 || c === 74) {
      p++;
      this.finishNumber(start, p, "imaginary literal");
      return;
    }
    if (!isFloat && src.charCodeAt(start) === CH_0) {
      // Leading zeros are only allowed in a literal that is all zeros.
      for (let i = start; i < p; i++) {
        const d = src.charCodeAt(i);
        if (d !== CH_0 && d !== 95) {
          this.fail(
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            start,
            p,
          );
        }
      }
    }
    this.finishNumber(start, p, "decimal literal");
  }

  /** A number may not run straight into a name, except a keyword CPython still accepts (`1if x else y`). */
  private finishNumber(start: number, end: number, what: string): void {
    const src = this.src;
    const c = src.charCodeAt(end);
    if (c < 128 ? IDENT_CONTINUE[c] === 1 : c > 128) {
      const rest = src.slice(end, end + 6);
      const ok = /^(and|else|for|if|in|is|not|or)(?![A-Za-z0-9_])/.test(rest);
      if (!ok) {
        this.fail("SyntaxError", `invalid ${what}`, isDigit(c) ? end : start, end + 1);
      }
    }
    this.pos = end;
    this.emit(Tok.NUMBER, start, end);
  }

  /** Scans a string literal whose prefix starts at `start` and whose opening quote is at `quoteAt`. */
  private scanString(start: number, quoteAt: number): void {
    const src = this.src;
    const quote = src.charCodeAt(quoteAt);
    const startLine = this.lineno;
    const startCol = this.byteColumn(start);
    let p = quoteAt + 1;
    const triple = src.charCodeAt(p) === quote && src.charCodeAt(p + 1) === quote;
    if (triple) p += 2;
    while (true) {
      if (p >= this.length) {
        this.pos = p;
        const kind = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        // At the very end CPython has not started another line after a final newline.
        const detected = src.charCodeAt(p - 1) === CH_NL ? this.lineno - 1 : this.lineno;
        throw this.errorAt(`${kind} (detected at line ${detected + this.lineOffset})`, startLine, startCol);
      }
      const c = src.charCodeAt(p);
      if (c === quote) {
        if (!triple) {
          p++;
          break;
        }
        if (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
          p += 3;
          break;
        }
        p++;
      } else if (c === CH_BACKSLASH) {
        const next = src.charCodeAt(p + 1);
        if (next === CH_NL) {
          if (!triple && p + 2 >= this.length) {
            p += 1;
            continue;
          }
          this.newLine(p + 2);
          p += 2;
        } else {
          p += p + 1 < this.length ? 2 : 1;
        }
      } else if (c === CH_NL) {
        if (!triple) {
          this.pos = p;
          throw this.errorAt(
            `unterminated string literal (detected at line ${this.lineno + this.lineOffset})`,
            startLine,
            startCol,
          );
        }
        this.newLine(p + 1);
        p++;
      } else {
        p++;
      }
    }
    this.pos = p;
    const endCol = this.byteColumn(p);
    this.pushToken(Tok.STRING, start, p, startLine, startCol, this.lineno, endCol);
  }

  private finishFile(): void {
    if (this.parens.length > 0) throw this.unclosedBracketError();
    const count = this.tokens.count;
    const lastKind = count > 0 ? this.tokens.kind[count - 1] : Tok.NEWLINE;
    if (count > 0 && lastKind !== Tok.NEWLINE && lastKind !== Tok.DEDENT && lastKind !== Tok.INDENT) {
      // CPython appends the newline a file does not end with.
      this.emit(Tok.NEWLINE, this.length, this.length);
    }
    if (this.src.length > 0 && this.src.charCodeAt(this.length - 1) === CH_NL) {
      this.newLine(this.length);
    }
    while (this.indents.length > 1) {
      this.indents.pop();
      this.emit(Tok.DEDENT, this.length, this.length);
    }
    this.emit(Tok.ENDMARKER, this.length, this.length);
  }

  private unclosedBracketError(): PySyntaxError {
    const top = this.parens[this.parens.length - 1]!;
    const closing = String.fromCharCode(CLOSING_OF[top.char]!);
    this.tokens.unclosedBracket = true;
    this.tokens.errorIsRaisedByTokenizer = false;
    const message = `'${String.fromCharCode(top.char)}' was never closed`;
    return this.errorAt(message, top.line, top.col, "SyntaxError", `add the missing '${closing}'`);
  }

  private emit(kind: Tok, start: number, end: number): void {
    const col = this.byteColumn(start);
    const endCol = start === end ? col : this.byteColumn(end);
    this.pushToken(kind, start, end, this.lineno, col, this.lineno, endCol);
  }

  private pushToken(kind: Tok, start: number, end: number, line: number, col: number, endLine: number, endCol: number) {
    if (this.lineOffset !== 0 || this.firstLineColOffset !== 0) {
      if (endLine === 1) {
        col += this.firstLineColOffset;
        endCol += this.firstLineColOffset;
      }
      line += this.lineOffset;
      endLine += this.lineOffset;
    }
    this.tokens.push(kind, start, end, line, col, endLine, endCol);
  }

  /** The UTF-8 byte column of `pos` on the current line. */
  private byteColumn(pos: number): number {
    if (this.asciiOnly) return pos - this.lineStart;
    if (pos < this.colCachePos) {
      this.colCachePos = this.lineStart;
      this.colCacheBytes = 0;
    }
    const bytes = this.colCacheBytes + utf8Length(this.src, this.colCachePos, pos);
    this.colCachePos = pos;
    this.colCacheBytes = bytes;
    return bytes;
  }

  private errorAt(
    message: string,
    line: number,
    byteCol: number,
    kind: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError",
    help: string | null = null,
  ): PySyntaxError {
    const offset = this.characterOffset(line, byteCol);
    const lineno = line + this.lineOffset;
    return new PySyntaxError(kind, message, this.filename, lineno, offset, lineno, offset, null, help);
  }

  /** CPython reports 1-based character offsets; convert a byte column on a (relative) line. */
  private characterOffset(line: number, byteCol: number): number {
    return this.asciiOnly ? byteCol + 1 : characterOffset(this.src, line, byteCol);
  }

  private fail(kind: "SyntaxError" | "IndentationError" | "TabError", message: string, at: number, end = at): never {
    this.pos = at;
    const col = this.byteColumn(at);
    const offset = this.characterOffset(this.lineno, col);
    const endOffset = offset + (end - at);
    throw new PySyntaxError(
      kind,
      message,
      this.filename,
      this.lineno + this.lineOffset,
      offset,
      this.lineno + this.lineOffset,
      endOffset,
    );
  }
}

const XID_START = /[\p{XID_Start}]/u;
const XID_CONTINUE = /[\p{XID_Continue}]/u;

function isIdentifierStartOrError(c: number): boolean {
  // Non-ASCII characters are scanned as a name and verified afterwards, as CPython does.
  return c >= 128;
}

function isStringPrefix(prefix: string): boolean {
  switch (prefix.toLowerCase()) {
    case "":
    case "r":
    case "u":
    case "b":
    case "f":
    case "br":
    case "rb":
    case "fr":
    case "rf":
      return true;
    default:
      return false;
  }
}

/** CPython's 1-based character offset for a UTF-8 byte column on a 1-based line of `text`. */
export function characterOffset(text: string, line: number, byteCol: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf("\n", start);
    if (newline < 0) return byteCol + 1;
    start = newline + 1;
  }
  let bytes = 0;
  let chars = 0;
  for (let i = start; i < text.length && bytes < byteCol; chars++) {
    const c = text.charCodeAt(i);
    const units = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    bytes += utf8Length(text, i, i + units);
    i += units;
  }
  return chars + 1;
}

/**
 * UTF-8 length of text[from, to). A lone low surrogate stands for one undecodable source byte
 * (decodeSource keeps such bytes as U+DC80..U+DCFF), so it counts as the one byte it was.
 */
export function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      bytes += 4;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) bytes += 1;
    else bytes += 3;
  }
  return bytes;
}

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isHexDigit(c: number): boolean {
  return (c >= CH_0 && c <= CH_9) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isOctDigit(c: number): boolean {
  return c >= CH_0 && c <= 55;
}

function isBinDigit(c: number): boolean {
  return c === CH_0 || c === 49;
}
