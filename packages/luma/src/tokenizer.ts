// LumaScript's tokenizer: the whole file becomes an array of tokens up front, so the parser can look
// ahead freely. Comments are dropped except `///` doc comments, which ride on the next token for the
// declaration it starts. Errors are reported and scanning goes on, so one run reports every bad
// character and literal; each bad literal still becomes a token, so the parser sees a sound stream.
//
// Decisions the issue leaves open (the roadmap says nothing of them either):
// - Block comments nest (`/* a /* b */ c */` is one comment), so a block of code that already holds a
//   comment can be commented out; an unclosed one is an error at its `/*`.
// - Number literals have no type suffixes (`1i32` is an error): the issue types a literal by its
//   context or by `as`. `_` separates digits (`1_000_000`, `0xFF_FF`) and must stand between two.
// - Strings stay on one line; the escapes are `\n \r \t \0 \\ \" \'`, `\xHH` (ASCII) and `\u{H…}`.

import type { SourceText } from "./source-text.js";
import { SyntaxCode, type SyntaxDiagnostics } from "./syntax-diagnostics.js";
import { type DocLine, isKeyword, PUNCTUATORS, type Token, type TokenKind } from "./tokens.js";

/** The largest integer literal: u64's maximum. Larger ones fit no type, so they are refused here. */
const MAX_INTEGER_LITERAL = 2n ** 64n - 1n;

const PUNCTUATOR_SET: ReadonlySet<string> = new Set(PUNCTUATORS);

const ESCAPE_HELP = "the escapes are \\n \\r \\t \\0 \\\\ \\\" \\', \\x00 to \\x7F, and \\u{…} with 1 to 6 hex digits";

const RADIX_NAMES = { 16: "hexadecimal", 2: "binary" } as const;

/** Tokens of a file, ending with one `EndOfFile` token; problems go to `diagnostics`. */
export function tokenize(source: SourceText, diagnostics: SyntaxDiagnostics): Token[] {
  return new Tokenizer(source.text, diagnostics).run();
}

class Tokenizer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private newlineBefore = false;
  private docLines: DocLine[] = [];

  constructor(
    private readonly text: string,
    private readonly diagnostics: SyntaxDiagnostics,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): Token[] {
    for (;;) {
      this.skipTrivia();
      if (this.pos >= this.text.length) {
        this.push("EndOfFile", this.text.length, null);
        return this.tokens;
      }
      const code = this.text.charCodeAt(this.pos);
      if (isDigit(code)) this.scanNumber();
      else if (code === 0x22) this.scanString();
      else if (isIdentifierStart(this.codePointAt(this.pos))) this.scanIdentifier();
      else this.scanPunctuator();
    }
  }

  private push(kind: TokenKind, start: number, value: Token["value"]): void {
    this.tokens.push({
      kind,
      start,
      end: kind === "EndOfFile" ? start : this.pos,
      newlineBefore: this.newlineBefore,
      docLines: this.docLines,
      value,
    });
    this.newlineBefore = false;
    this.docLines = [];
  }

  private codePointAt(offset: number): number {
    return this.text.codePointAt(offset) ?? 0;
  }

  // -------------------------------------------------------------------------------------------------
  // Whitespace and comments

  private skipTrivia(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (code === 0x0a || code === 0x0d) {
        this.newlineBefore = true;
        this.pos++;
      } else if (code === 0x20 || code === 0x09) {
        this.pos++;
      } else if (code === 0x2f && text.charCodeAt(this.pos + 1) === 0x2f) {
        this.skipLineComment();
      } else if (code === 0x2f && text.charCodeAt(this.pos + 1) === 0x2a) {
        this.skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** `// ...` to the end of the line; exactly three slashes make a doc line (`////` is ordinary). */
  private skipLineComment(): void {
    const start = this.pos;
    let end = start;
    while (end < this.text.length && !isLineBreak(this.text.charCodeAt(end))) end++;
    const isDoc = this.text.startsWith("///", start) && this.text.charCodeAt(start + 3) !== 0x2f;
    if (isDoc) {
      const body = this.text.slice(start + 3, end);
      this.docLines.push({ text: body.startsWith(" ") ? body.slice(1) : body, start, end });
    }
    this.pos = end;
  }

  private skipBlockComment(): void {
    const start = this.pos;
    const text = this.text;
    let depth = 0;
    while (this.pos < text.length) {
      if (text.startsWith("/*", this.pos)) {
        depth++;
        this.pos += 2;
      } else if (text.startsWith("*/", this.pos)) {
        depth--;
        this.pos += 2;
        if (depth === 0) return;
      } else {
        if (isLineBreak(text.charCodeAt(this.pos))) this.newlineBefore = true;
        this.pos++;
      }
    }
    this.diagnostics.error({
      code: SyntaxCode.UnterminatedBlockComment,
      message: "unterminated block comment: expected `*/` before the end of the file",
      start,
      end: start + 2,
      label: depth > 1 ? `this comment holds ${depth - 1} more unclosed \`/*\`` : "comment opened here",
      help: ["block comments nest: each `/*` inside a comment needs its own `*/`"],
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Names and punctuation

  private scanIdentifier(): void {
    const start = this.pos;
    this.pos += this.codePointAt(start) > 0xffff ? 2 : 1;
    while (this.pos < this.text.length) {
      const codePoint = this.codePointAt(this.pos);
      if (!isIdentifierPart(codePoint)) break;
      this.pos += codePoint > 0xffff ? 2 : 1;
    }
    const word = this.text.slice(start, this.pos);
    if (isKeyword(word)) this.push(word, start, null);
    else this.push("Identifier", start, word);
  }

  private scanPunctuator(): void {
    const start = this.pos;
    for (const length of [3, 2, 1]) {
      const candidate = this.text.slice(start, start + length);
      if (candidate.length === length && PUNCTUATOR_SET.has(candidate)) {
        this.pos += length;
        this.push(candidate as TokenKind, start, null);
        return;
      }
    }
    const codePoint = this.codePointAt(start);
    this.pos += codePoint > 0xffff ? 2 : 1;
    const printable = codePoint > 0x20 && codePoint < 0x7f;
    const shown = printable ? `\`${String.fromCodePoint(codePoint)}\`` : unicodeName(codePoint);
    const help =
      codePoint === 0x27
        ? ['string literals use double quotes: "text"']
        : codePoint === 0xa0 || codePoint === 0x3000 || (codePoint >= 0x2000 && codePoint <= 0x200b)
          ? ["this is a non-ASCII space; replace it with an ordinary space"]
          : [];
    this.diagnostics.error({
      code: SyntaxCode.UnexpectedCharacter,
      message: `unexpected character ${shown}`,
      start,
      end: this.pos,
      help,
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Numbers

  private scanNumber(): void {
    const start = this.pos;
    const prefix = this.text.charCodeAt(start + 1) | 0x20;
    if (this.text.charCodeAt(start) === 0x30 && (prefix === 0x78 || prefix === 0x62)) {
      this.scanRadixInteger(start, prefix === 0x78 ? 16 : 2);
      return;
    }
    const text = this.text;
    this.skipDigits(10);
    let isFloat = false;
    if (text.charCodeAt(this.pos) === 0x2e && isDigit(text.charCodeAt(this.pos + 1))) {
      isFloat = true;
      this.pos++;
      this.skipDigits(10);
    }
    if ((text.charCodeAt(this.pos) | 0x20) === 0x65) {
      const sign = text.charCodeAt(this.pos + 1);
      const digitAt = sign === 0x2b || sign === 0x2d ? this.pos + 2 : this.pos + 1;
      if (isDigit(text.charCodeAt(digitAt))) {
        isFloat = true;
        this.pos = digitAt;
        this.skipDigits(10);
      }
    }
    const literalEnd = this.pos;
    const separated = this.checkSeparators(start, literalEnd, 10);
    const valid = this.checkNoSuffix(literalEnd) && separated;
    const digits = text.slice(start, literalEnd).replaceAll("_", "");
    if (isFloat) {
      const value = Number(digits);
      if (valid && !Number.isFinite(value)) {
        this.numberError(start, literalEnd, "float literal is out of range for `f64`", [
          "the largest finite `f64` is about 1.7976931348623157e308",
        ]);
      }
      this.push("Float", start, value);
    } else {
      this.pushInteger(start, literalEnd, valid ? BigInt(digits) : 0n, valid);
    }
  }

  /** `0x…` or `0b…`: every letter and digit after the prefix belongs to the literal, so `0b102` and
   * `0xFG` are reported as bad digits rather than split into a number and a name. */
  private scanRadixInteger(start: number, radix: 16 | 2): void {
    this.pos = start + 2;
    while (this.pos < this.text.length && isAsciiWordPart(this.text.charCodeAt(this.pos))) this.pos++;
    const end = this.pos;
    const body = this.text.slice(start + 2, end);
    const name = RADIX_NAMES[radix];
    let valid = true;
    if (!/[0-9a-zA-Z]/.test(body)) {
      this.numberError(start, end, `${name} literal has no digits`, [
        `write at least one digit: \`${radix === 16 ? "0xFF" : "0b1010"}\``,
      ]);
      valid = false;
    } else {
      for (let i = start + 2; i < end; i++) {
        const code = this.text.charCodeAt(i);
        if (code !== 0x5f && !isDigitOfRadix(code, radix)) {
          this.numberError(i, i + 1, `invalid digit \`${this.text[i]}\` in ${name} literal`, []);
          valid = false;
          break;
        }
      }
      valid = valid && this.checkSeparators(start + 2, end, radix);
    }
    const digits = body.replaceAll("_", "");
    this.pushInteger(start, end, valid ? BigInt(`${radix === 16 ? "0x" : "0b"}${digits}`) : 0n, valid);
  }

  private pushInteger(start: number, end: number, value: bigint, valid: boolean): void {
    if (valid && value > MAX_INTEGER_LITERAL) {
      this.numberError(start, end, "integer literal is too large for any integer type", [
        `the largest integer literal is ${MAX_INTEGER_LITERAL} (\`u64\`'s maximum)`,
      ]);
    }
    this.push("Integer", start, value);
  }

  private skipDigits(radix: 10 | 16 | 2): void {
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (code !== 0x5f && !isDigitOfRadix(code, radix)) return;
      this.pos++;
    }
  }

  /** Every `_` in `[start, end)` must have a digit on both sides; reports the first that does not. */
  private checkSeparators(start: number, end: number, radix: 10 | 16 | 2): boolean {
    for (let i = start; i < end; i++) {
      if (this.text.charCodeAt(i) !== 0x5f) continue;
      const before = i > start && isDigitOfRadix(this.text.charCodeAt(i - 1), radix);
      const after = i + 1 < end && isDigitOfRadix(this.text.charCodeAt(i + 1), radix);
      if (!before || !after) {
        this.numberError(i, i + 1, "a `_` in a number literal must stand between two digits", [
          "separators group digits, as in `1_000_000` or `0xFF_FF`",
        ]);
        return false;
      }
    }
    return true;
  }

  /** A name glued to a number (`1i32`, `2px`, `1e`) is a suffix the language does not have. */
  private checkNoSuffix(literalEnd: number): boolean {
    if (!isIdentifierPart(this.codePointAt(this.pos))) return true;
    while (this.pos < this.text.length && isIdentifierPart(this.codePointAt(this.pos))) {
      this.pos += this.codePointAt(this.pos) > 0xffff ? 2 : 1;
    }
    const suffix = this.text.slice(literalEnd, this.pos);
    const isExponent = /^[eE]$/.test(suffix);
    this.numberError(literalEnd, this.pos, `invalid suffix \`${suffix}\` on number literal`, [
      isExponent
        ? "an exponent needs digits, as in `1e3` or `2.5e-7`"
        : "literals take their type from context, or from a cast: `let x: i32 = 5;` or `5 as i32`",
    ]);
    return false;
  }

  private numberError(start: number, end: number, message: string, help: string[]): void {
    this.diagnostics.error({ code: SyntaxCode.InvalidNumber, message, start, end, help });
  }

  // -------------------------------------------------------------------------------------------------
  // Strings

  private scanString(): void {
    const start = this.pos;
    const text = this.text;
    this.pos++;
    let value = "";
    for (;;) {
      if (this.pos >= text.length || isLineBreak(text.charCodeAt(this.pos))) {
        this.diagnostics.error({
          code: SyntaxCode.UnterminatedString,
          message: 'unterminated string literal: expected `"` before the end of the line',
          start,
          end: start + 1,
          label: "string starts here",
          help: ["a string ends on the line where it starts; write a line break inside it as `\\n`"],
        });
        break;
      }
      const code = text.charCodeAt(this.pos);
      if (code === 0x22) {
        this.pos++;
        break;
      }
      if (code === 0x5c) {
        value += this.scanEscape();
      } else {
        value += text[this.pos];
        this.pos++;
      }
    }
    this.push("String", start, value);
  }

  /** Reads one escape at the backslash; on error, reports it and returns the text as written. */
  private scanEscape(): string {
    const start = this.pos;
    const text = this.text;
    const letter = text[start + 1];
    const simple = letter === undefined ? undefined : SIMPLE_ESCAPES[letter];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    if (letter === "x") {
      const digits = text.slice(start + 2, start + 4);
      this.pos = start + 2;
      if (/^[0-9a-fA-F]{2}$/.test(digits)) {
        this.pos += 2;
        const value = Number.parseInt(digits, 16);
        if (value <= 0x7f) return String.fromCharCode(value);
        this.escapeError(start, this.pos, `\`\\x${digits}\` is not ASCII`, [
          `\`\\x\` escapes stop at \`\\x7F\`; write other characters as \`\\u{${digits}}\``,
        ]);
        return text.slice(start, this.pos);
      }
      this.escapeError(start, this.pos, "`\\x` must be followed by two hex digits", [ESCAPE_HELP]);
      return "\\x";
    }
    if (letter === "u") return this.scanUnicodeEscape(start);
    if (letter === undefined || isLineBreak(letter.charCodeAt(0))) {
      this.pos = start + 1;
      return "";
    }
    const codePoint = this.codePointAt(start + 1);
    this.pos = start + 1 + (codePoint > 0xffff ? 2 : 1);
    this.escapeError(start, this.pos, `unknown escape sequence \`${text.slice(start, this.pos)}\``, [ESCAPE_HELP]);
    return text.slice(start, this.pos);
  }

  private scanUnicodeEscape(start: number): string {
    const match = /^\\u\{([0-9a-fA-F_]*)\}/.exec(this.text.slice(start, start + 16));
    if (match === null) {
      this.pos = start + 2;
      this.escapeError(start, this.pos, "`\\u` must be followed by `{`, hex digits and `}`", [
        "write a character by its code point, as in `\\u{1F600}`",
      ]);
      return "\\u";
    }
    this.pos = start + match[0].length;
    const digits = match[1]!.replaceAll("_", "");
    const value = digits === "" ? Number.NaN : Number.parseInt(digits, 16);
    const isScalar = digits.length <= 6 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
    if (Number.isNaN(value) || !isScalar) {
      this.escapeError(start, this.pos, `\`${match[0]}\` is not a Unicode character`, [
        "a `\\u{…}` escape holds 1 to 6 hex digits naming a code point up to 10FFFF, not a surrogate",
      ]);
      return match[0];
    }
    return String.fromCodePoint(value);
  }

  private escapeError(start: number, end: number, message: string, help: string[]): void {
    this.diagnostics.error({ code: SyntaxCode.InvalidEscape, message, start, end, help });
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  r: "\r",
  t: "\t",
  "0": "\0",
  "\\": "\\",
  '"': '"',
  "'": "'",
};

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isDigitOfRadix(code: number, radix: 10 | 16 | 2): boolean {
  if (radix === 2) return code === 0x30 || code === 0x31;
  if (isDigit(code)) return true;
  const lower = code | 0x20;
  return radix === 16 && lower >= 0x61 && lower <= 0x66;
}

function isAsciiWordPart(code: number): boolean {
  const lower = code | 0x20;
  return isDigit(code) || code === 0x5f || (lower >= 0x61 && lower <= 0x7a);
}

const ID_START = /^[\p{ID_Start}_]$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

/** Identifiers are Unicode's (`ID_Start ID_Continue*`, plus `_`), with an ASCII fast path. */
function isIdentifierStart(codePoint: number): boolean {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return codePoint === 0x5f || (lower >= 0x61 && lower <= 0x7a);
  }
  return ID_START.test(String.fromCodePoint(codePoint));
}

function isIdentifierPart(codePoint: number): boolean {
  if (codePoint < 0x80) return isAsciiWordPart(codePoint);
  return ID_CONTINUE.test(String.fromCodePoint(codePoint));
}

function unicodeName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
