// The value of a string or bytes literal token, decoded as CPython 3.11's string_parser.c does,
// with CPython's errors. Token text comes from decodeSource, so bytes that were not UTF-8 appear
// as U+DC80..U+DCFF and are reported here the way CPython reports them.

import { PyBytes, type PyStr, PyStrCodePoints } from "./constant-value.js";
import { LiteralError } from "./literal-error.js";
import { undecodableBytesMessage } from "./source-decoding.js";
import { lookupUnicodeName } from "./unicode-names.js";

export interface StringLiteral {
  /** The decoded value; null for an f-string, whose body the parser splits (decodeStringBody). */
  readonly value: PyStr | PyBytes | null;
  readonly isBytes: boolean;
  readonly isRaw: boolean;
  readonly isFString: boolean;
  /**
   * `Constant.kind`: "u" when the token starts with a lower-case `u`. Only the first token of an
   * implicit concatenation decides the kind of the result.
   */
  readonly kind: "u" | null;
  /** The body, between the quotes, is `tokenText.slice(bodyStart, bodyEnd)`. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/**
 * Decodes one STRING token (prefix, quotes and all). Throws LiteralError with CPython's message:
 * site "token" for a non-ASCII character in a bytes literal, "last-token" for a bad escape or
 * undecodable bytes.
 */
export function decodeStringLiteral(tokenText: string): StringLiteral {
  let isBytes = false;
  let isRaw = false;
  let isFString = false;
  let i = 0;
  for (; ; i++) {
    const c = tokenText.charCodeAt(i) | 0x20; // ASCII lower case
    if (c === 0x62) isBytes = true;
    else if (c === 0x72) isRaw = true;
    else if (c === 0x66) isFString = true;
    else if (c !== 0x75) break;
  }
  const quote = tokenText.charCodeAt(i);
  const quoteLength =
    tokenText.length - i >= 6 && tokenText.charCodeAt(i + 1) === quote && tokenText.charCodeAt(i + 2) === quote ? 3 : 1;
  const bodyStart = i + quoteLength;
  const bodyEnd = tokenText.length - quoteLength;
  const kind = tokenText.charCodeAt(0) === 0x75 ? "u" : null;
  let value: PyStr | PyBytes | null = null;
  if (!isFString) {
    const body = tokenText.slice(bodyStart, bodyEnd);
    value = isBytes ? new PyBytes(decodeBytesBody(body, isRaw)) : decodeStrBody(body, isRaw);
  }
  return { value, isBytes, isRaw, isFString, kind, bodyStart, bodyEnd };
}

/**
 * Decodes the body of a str literal (between the quotes, or a literal piece of an f-string body),
 * or of a bytes literal (to its bytes). CPython decodes an f-string's literal text piece by piece:
 * up to a replacement field, or up to and including the first brace of a `{{` or `}}`; error
 * positions count from the start of the piece.
 */
export function decodeStringBody(body: string, raw: boolean, isBytes: boolean): PyStr | Uint8Array {
  return isBytes ? decodeBytesBody(body, raw) : decodeStrBody(body, raw);
}

// --- str -------------------------------------------------------------------------------------

/** Bodies without these decode to themselves: no escapes, nothing that could be undecodable. */
const NEEDS_DECODING = /[\\\u0080-\uffff]/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A str body. Positions in errors follow CPython, which first rewrites the body for its
 * unicode-escape codec: each non-ASCII character becomes a 10-byte `\UXXXXXXXX`, and a backslash
 * followed by one (or ending the body) becomes the 6-byte `\u005c`.
 */
export function decodeStrBody(body: string, raw: boolean): PyStr {
  if (!NEEDS_DECODING.test(body)) return body;
  if (raw || !body.includes("\\")) {
    if (LONE_SURROGATE.test(body)) throwUndecodable(undecodableBytesMessage(body)!);
    return body;
  }
  // CPython decodes the non-ASCII text, run by run, before it interprets any escape.
  if (LONE_SURROGATE.test(body)) throwUndecodable(firstUndecodableRun(body));
  return decodeEscapes(body);
}

function throwUndecodable(message: string): never {
  throw new LiteralError(`(unicode error) ${message}`, "last-token");
}

function firstUndecodableRun(body: string): string {
  for (let i = 0; i < body.length; ) {
    if (body.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < body.length && body.charCodeAt(end) >= 0x80) end++;
    const message = undecodableBytesMessage(body, i, end);
    if (message !== null) return message;
    i = end;
  }
  throw new Error("unreachable: no undecodable run");
}

function decodeEscapes(body: string): PyStr {
  const n = body.length;
  let out = "";
  /** Indices in `out` of low surrogates that must not pair with the high surrogate before them. */
  let splits: number[] | null = null;
  let runStart = 0;
  for (let i = body.indexOf("\\"); i !== -1; i = body.indexOf("\\", runStart)) {
    out += body.slice(runStart, i);
    const c = i + 1 < n ? body.charCodeAt(i + 1) : -1;
    let next = i + 2;
    const simple = c >= 0 && c < 128 ? SIMPLE_ESCAPES[c]! : -1;
    if (simple >= 0) {
      out += String.fromCharCode(simple);
      runStart = next;
      continue;
    }
    switch (c) {
      case 0x0a: // backslash-newline: a line continuation
        break;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37: {
        let value = c - 0x30;
        for (let k = 0; k < 2 && isOctalDigit(body.charCodeAt(next)); k++)
          value = value * 8 + body.charCodeAt(next++) - 0x30;
        // Values above 0o377 are kept (CPython only warns).
        out += String.fromCharCode(value);
        break;
      }
      case 0x78: // \xXX
      case 0x75: // \uXXXX
      case 0x55: {
        // \UXXXXXXXX
        const count = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
        const message =
          c === 0x78
            ? "truncated \\xXX escape"
            : c === 0x75
              ? "truncated \\uXXXX escape"
              : "truncated \\UXXXXXXXX escape";
        let value = 0;
        for (let k = 0; k < count; k++, next++) {
          const digit = next < n ? hexDigitValue(body.charCodeAt(next)) : -1;
          if (digit < 0) throw escapeError(body, i, next, message);
          value = value * 16 + digit;
        }
        if (value > 0x10ffff) throw escapeError(body, i, next, "illegal Unicode character");
        if (value >= 0xdc00 && value <= 0xdfff && isHighSurrogate(out.charCodeAt(out.length - 1))) {
          splits ??= [];
          splits.push(out.length);
        }
        out += String.fromCodePoint(value);
        break;
      }
      case 0x4e: {
        // \N{name}
        if (body.charCodeAt(i + 2) !== 0x7b) throw escapeError(body, i, Math.min(i + 2, n), MALFORMED_N);
        const close = body.indexOf("}", i + 3);
        if (close === -1) throw escapeError(body, i, n, MALFORMED_N);
        if (close === i + 3) throw escapeError(body, i, close, MALFORMED_N);
        const cp = lookupUnicodeName(body.slice(i + 3, close));
        if (cp === undefined) throw escapeError(body, i, close + 1, "unknown Unicode character name");
        out += String.fromCodePoint(cp);
        next = close + 1;
        break;
      }
      default:
        // Not an escape (or a backslash before a non-ASCII character, or ending an f-string
        // piece): the backslash stays, and the character after it is ordinary text.
        out += "\\";
        next = i + 1;
    }
    runStart = next;
  }
  out += body.slice(runStart);
  return splits === null ? out : new PyStrCodePoints(codePointsSplitAt(out, splits));
}

const MALFORMED_N = "malformed \\N character escape";

/** The one-character escapes shared by str and bytes literals: `\n` and the like, by the character after the backslash. */
const SIMPLE_ESCAPES: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  const pairs: [string, number][] = [
    ["\\", 0x5c],
    ["'", 0x27],
    ['"', 0x22],
    ["a", 0x07],
    ["b", 0x08],
    ["f", 0x0c],
    ["n", 0x0a],
    ["r", 0x0d],
    ["t", 0x09],
    ["v", 0x0b],
  ];
  for (const [letter, value] of pairs) table[letter.charCodeAt(0)] = value;
  return table;
})();

function isOctalDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function hexDigitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x57;
  return -1;
}

/** The code points of `s`, pairing surrogates except a low surrogate at one of `splits`. */
function codePointsSplitAt(s: string, splits: readonly number[]): number[] {
  const codePoints: number[] = [];
  let nextSplit = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (isHighSurrogate(unit) && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      while (nextSplit < splits.length && splits[nextSplit]! < i + 1) nextSplit++;
      if (low >= 0xdc00 && low <= 0xdfff && splits[nextSplit] !== i + 1) {
        codePoints.push(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
        i++;
        continue;
      }
    }
    codePoints.push(unit);
  }
  return codePoints;
}

/** A unicode-escape codec error for the escape at body[start] that failed at body[end]. */
function escapeError(body: string, start: number, end: number, reason: string): LiteralError {
  const from = escapeBufferOffset(body, start);
  const to = escapeBufferOffset(body, end);
  const where = to - from === 1 ? `byte 0x5c in position ${from}` : `bytes in position ${from}-${to - 1}`;
  return new LiteralError(`(unicode error) 'unicodeescape' codec can't decode ${where}: ${reason}`, "last-token");
}

/** Where body[index] lands in the buffer CPython's decode_unicode_with_escapes builds. */
function escapeBufferOffset(body: string, index: number): number {
  let offset = 0;
  let k = 0;
  while (k < index) {
    const c = body.charCodeAt(k);
    if (c === 0x5c) {
      offset++;
      k++;
      if (k >= body.length || body.charCodeAt(k) >= 0x80)
        offset += 5; // "\u005c"
      else if (k < index) {
        offset++; // the ASCII character after a backslash is copied with it
        k++;
      }
    } else if (c >= 0x80) {
      offset += 10; // "\UXXXXXXXX"
      k += isHighSurrogate(c) && k + 1 < body.length ? 2 : 1;
    } else {
      offset++;
      k++;
    }
  }
  return offset;
}

// --- bytes -----------------------------------------------------------------------------------

const NON_ASCII = /[\u0080-\uffff]/;

/** A bytes body; `\N`, `\u` and `\U` are not escapes in bytes. */
export function decodeBytesBody(body: string, raw: boolean): Uint8Array {
  if (NON_ASCII.test(body)) throw new LiteralError("bytes can only contain ASCII literal characters", "token");
  if (raw || !body.includes("\\")) {
    const bytes = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
    return bytes;
  }
  const n = body.length;
  const out = new Uint8Array(n);
  let length = 0;
  for (let i = 0; i < n; ) {
    const c = body.charCodeAt(i++);
    if (c !== 0x5c) {
      out[length++] = c;
      continue;
    }
    const e = body.charCodeAt(i++); // a body never ends in a lone backslash
    const simple = e < 128 ? SIMPLE_ESCAPES[e]! : -1;
    if (simple >= 0) {
      out[length++] = simple;
      continue;
    }
    switch (e) {
      case 0x0a:
        break;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37: {
        let value = e - 0x30;
        for (let k = 0; k < 2 && isOctalDigit(body.charCodeAt(i)); k++) value = value * 8 + body.charCodeAt(i++) - 0x30;
        out[length++] = value & 0xff; // CPython stores the low byte of values above 0o377
        break;
      }
      case 0x78: {
        const high = i + 1 < n ? hexDigitValue(body.charCodeAt(i)) : -1;
        const low = i + 1 < n ? hexDigitValue(body.charCodeAt(i + 1)) : -1;
        if (high < 0 || low < 0) {
          throw new LiteralError(`(value error) invalid \\x escape at position ${i - 2}`, "last-token");
        }
        out[length++] = high * 16 + low;
        i += 2;
        break;
      }
      default:
        out[length++] = 0x5c;
        i--; // the character after the backslash is ordinary text
    }
  }
  return out.slice(0, length);
}

// --- implicit concatenation ------------------------------------------------------------------

/**
 * Concatenates str values, as `"a" "b"` does. A lone high surrogate at the end of one part and a
 * lone low surrogate at the start of the next stay two code points (a JS string would fuse them).
 */
export function concatPyStr(parts: readonly PyStr[]): PyStr {
  let plain = true;
  let lastUnit = -1;
  for (const part of parts) {
    if (typeof part !== "string") {
      plain = false;
      break;
    }
    if (part.length === 0) continue;
    const first = part.charCodeAt(0);
    if (first >= 0xdc00 && first <= 0xdfff && isHighSurrogate(lastUnit)) {
      plain = false;
      break;
    }
    lastUnit = part.charCodeAt(part.length - 1);
  }
  if (plain) return parts.join("");
  const codePoints: number[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      for (const ch of part) codePoints.push(ch.codePointAt(0)!);
    } else {
      codePoints.push(...part.codePoints);
    }
  }
  return new PyStrCodePoints(codePoints);
}
