// Turns the bytes of a source file into the text CPython 3.11's tokenizer sees when it is given
// those bytes (`ast.parse(data)`, `compile(data, ...)`): null-byte check, universal newlines, a
// UTF-8 BOM, a PEP 263 coding cookie, and decoding.

import { Buffer } from "node:buffer";
import { CODEC_ALIASES, CODECS, type PythonCodec } from "./python-codecs.js";
import { PySyntaxError } from "./syntax-error.js";

/**
 * Decodes a source file as CPython does for bytes input. The result:
 * - has universal newlines applied (`\r\n` and lone `\r` become `\n`, on the raw bytes, before
 *   decoding) and always ends with `\n` (CPython appends one when missing);
 * - has a UTF-8 BOM removed;
 * - keeps every byte that is not valid UTF-8 (when decoding as UTF-8, the default) as a lone
 *   surrogate U+DC80..U+DCFF, Python's "surrogateescape" convention. CPython accepts such bytes in
 *   comments and only rejects them when it decodes a token (a string literal, an identifier), so
 *   the decision is left to the tokenizer and the literal decoders: see undecodableBytesMessage.
 *   Valid UTF-8 never decodes to a lone surrogate, so they are unambiguous.
 *
 * Throws PySyntaxError for a null byte, an unknown or non-text encoding, a BOM contradicting the
 * cookie, or bytes the declared (non-UTF-8) encoding cannot decode. CPython reports these at
 * line 0, offset -1, with no end position (none at all for null bytes): here lineno 0, offset -1,
 * endLineno 0, endOffset -1.
 */
export function decodeSource(bytes: Uint8Array, filename: string): string {
  const fail = (msg: string): never => {
    throw new PySyntaxError("SyntaxError", msg, filename, 0, -1, 0, -1);
  };
  if (bytes.includes(0)) fail("source code string cannot contain null bytes");
  let data = translateNewlines(bytes);
  const hasBom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  if (hasBom) data = data.subarray(3);
  const cookie = findCodingCookie(data);
  if (cookie === null || cookie === "utf-8") return decodeUtf8Lenient(data);
  if (hasBom) fail(`encoding problem: ${cookie} with BOM`);
  const codec = lookupCodec(cookie);
  if (codec === undefined) return fail(`unknown encoding: ${cookie}`);
  return decodeWithCodec(data, cookie, codec, fail);
}

/**
 * CPython's translate_newlines, on bytes so that codecs see `\n` line ends. It appends a `\n`
 * when the last character written is not one, and (a quirk of its loop) also when the input ends
 * with `\r\n`, which CPython's error positions at the end of a file reflect.
 */
function translateNewlines(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const last = bytes[n - 1];
  const appendNewline = (last !== 0x0a && last !== 0x0d) || (last === 0x0a && bytes[n - 2] === 0x0d);
  if (!bytes.includes(0x0d)) {
    if (!appendNewline) return bytes;
    const out = new Uint8Array(n + 1);
    out.set(bytes);
    out[n] = 0x0a;
    return out;
  }
  const out = new Uint8Array(n + 1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x0d) {
      out[j++] = 0x0a;
      if (bytes[i + 1] === 0x0a) i++;
    } else {
      out[j++] = b;
    }
  }
  if (appendNewline) out[j++] = 0x0a;
  return out.subarray(0, j);
}

// --- PEP 263 coding cookie -------------------------------------------------------------------

/**
 * The encoding a coding cookie on line 1 or 2 declares (normalized as CPython's get_normal_name
 * does), or null. Line 2 counts only when line 1 is blank or a comment. `data` ends with `\n`.
 */
function findCodingCookie(data: Uint8Array): string | null {
  const end1 = data.indexOf(0x0a);
  const first = codingSpec(data, 0, end1);
  if (first !== null) return first;
  if (!isBlankOrComment(data, 0, end1)) return null;
  const end2 = data.indexOf(0x0a, end1 + 1);
  // CPython passes line 2 with its newline and line 1 without; harmless, but kept for fidelity.
  return end2 === -1 ? null : codingSpec(data, end1 + 1, end2 + 1);
}

/** CPython's get_coding_spec: a `coding[:=]` in a comment that is the whole line. */
function codingSpec(data: Uint8Array, start: number, end: number): string | null {
  const size = end - start;
  let i = 0;
  for (; i < size - 6; i++) {
    const c = data[start + i]!;
    if (c === 0x23) break; // '#'
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) return null;
  }
  for (; i < size - 6; i++) {
    let t = start + i;
    if (!matchesCoding(data, t)) continue;
    t += 6;
    if (data[t] !== 0x3a && data[t] !== 0x3d) continue; // ':' or '='
    do t++;
    while (data[t] === 0x20 || data[t] === 0x09);
    const begin = t;
    while (t < data.length && isEncodingNameByte(data[t]!)) t++;
    if (begin < t) return normalName(String.fromCharCode(...data.subarray(begin, t)));
  }
  return null;
}

const CODING = [0x63, 0x6f, 0x64, 0x69, 0x6e, 0x67]; // "coding"

function matchesCoding(data: Uint8Array, at: number): boolean {
  for (let k = 0; k < 6; k++) if (data[at + k] !== CODING[k]) return false;
  return true;
}

function isEncodingNameByte(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0x2e
  );
}

/** Whether the tokenizer keeps looking for a cookie on the next line (check_coding_spec). */
function isBlankOrComment(data: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = data[i]!;
    if (c === 0x23 || c === 0x0a || c === 0x0d) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) return false;
  }
  return true;
}

/** CPython's get_normal_name: the spellings of utf-8 and latin-1 it recognizes by itself. */
function normalName(name: string): string {
  const buf = name.slice(0, 12).replace(/_/g, "-").toLowerCase();
  if (buf === "utf-8" || buf.startsWith("utf-8-")) return "utf-8";
  if (
    buf === "latin-1" ||
    buf === "iso-8859-1" ||
    buf === "iso-latin-1" ||
    buf.startsWith("latin-1-") ||
    buf.startsWith("iso-8859-1-") ||
    buf.startsWith("iso-latin-1-")
  ) {
    return "iso-8859-1";
  }
  return name;
}

/** Python's codec registry lookup (`codecs.lookup`) restricted to the encodings package. */
function lookupCodec(name: string): PythonCodec | undefined {
  // _Py_normalize_encoding: lower case; runs of other characters between alphanumerics become '_'.
  const normalized = name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const aliased = CODEC_ALIASES[normalized] ?? CODEC_ALIASES[normalized.replace(/\./g, "_")];
  for (const module of [aliased, normalized]) {
    if (module === undefined || module.includes(".")) continue;
    if (Object.hasOwn(CODECS, module)) return CODECS[module];
  }
  return undefined;
}

// --- decoding --------------------------------------------------------------------------------

function decodeWithCodec(data: Uint8Array, cookie: string, codec: PythonCodec, fail: (msg: string) => never): string {
  const decodeError = (codecName: string, start: number, end: number, reason: string): never =>
    fail(decodeErrorMessage(codecName, data, start, end, reason));
  switch (codec.kind) {
    case "utf-8":
    case "utf-8-sig": {
      const error = firstUtf8Error(data, 0, data.length);
      if (error !== null) decodeError("utf-8", error.start, error.end, error.reason);
      const text = UTF8.decode(data);
      return codec.kind === "utf-8-sig" && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    case "ascii": {
      const bad = data.findIndex((b) => b >= 0x80);
      if (bad !== -1) decodeError("ascii", bad, bad + 1, "ordinal not in range(128)");
      return decodeLatin1(data);
    }
    case "latin-1":
      return decodeLatin1(data);
    case "charmap":
      return decodeCharmap(data, codec.high, codec.low, decodeError);
    case "multibyte":
      return decodeMultibyte(data, codec.label, codec.errorName, decodeError);
    case "nontext":
      return fail(`'${cookie}' is not a text encoding; use codecs.decode() to handle arbitrary codecs`);
    case "unsupported":
      return fail(`encoding not supported by this implementation: ${cookie} (CPython can decode it)`);
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** ISO-8859-1. (To TextDecoder, "latin1" means windows-1252; Buffer's latin1 is the real one.) */
function decodeLatin1(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.length).toString("latin1");
}

function decodeCharmap(
  data: Uint8Array,
  high: string,
  low: string | undefined,
  decodeError: (codec: string, start: number, end: number, reason: string) => never,
): string {
  const units = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    const unit = b < 0x80 ? (low === undefined ? b : low.charCodeAt(b)) : high.charCodeAt(b - 0x80);
    if (unit === 0xfffe) decodeError("charmap", i, i + 1, "character maps to <undefined>");
    units[i] = unit;
  }
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString("utf16le");
}

function decodeMultibyte(
  data: Uint8Array,
  label: string,
  errorName: string,
  decodeError: (codec: string, start: number, end: number, reason: string) => never,
): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(data);
  } catch {
    // TextDecoder does not say where it failed: find the shortest prefix it rejects (in streaming
    // mode an incomplete sequence at the end is not an error). The reported position is the byte
    // where the error became certain, which may lie after the start CPython reports.
    let lo = 1;
    let hi = data.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rejects(label, data.subarray(0, mid))) hi = mid;
      else lo = mid + 1;
    }
    const at = lo - 1;
    if (!rejects(label, data.subarray(0, lo))) decodeError(errorName, at, at + 1, "incomplete multibyte sequence");
    return decodeError(errorName, at, at + 1, "illegal multibyte sequence");
  }
}

function rejects(label: string, prefix: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(prefix, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** Decodes UTF-8, carrying each invalid byte as U+DC80..U+DCFF (see decodeSource). */
function decodeUtf8Lenient(data: Uint8Array): string {
  try {
    return UTF8.decode(data);
  } catch {
    let out = "";
    let pos = 0;
    for (;;) {
      const error = firstUtf8Error(data, pos, data.length);
      if (error === null) return out + UTF8.decode(data.subarray(pos));
      out += UTF8.decode(data.subarray(pos, error.start));
      for (let i = error.start; i < error.end; i++) out += String.fromCharCode(0xdc00 + data[i]!);
      pos = error.end;
    }
  }
}

// --- UTF-8 errors, as CPython's decoder reports them -----------------------------------------

interface Utf8Error {
  readonly start: number;
  readonly end: number;
  readonly reason: "invalid start byte" | "invalid continuation byte" | "unexpected end of data";
}

/**
 * The first error CPython's strict UTF-8 decoder reports in data[from, to), positions absolute.
 * Like CPython, an invalid continuation ends the error before the offending byte, and a truncated
 * sequence at the end of the input is "unexpected end of data" up to the end.
 */
function firstUtf8Error(data: Uint8Array, from: number, to: number): Utf8Error | null {
  let i = from;
  while (i < to) {
    const b = data[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (b < 0xc2) return { start: i, end: i + 1, reason: "invalid start byte" };
    if (b < 0xe0) length = 2;
    else if (b < 0xf0) {
      length = 3;
      if (b === 0xe0) secondMin = 0xa0;
      else if (b === 0xed) secondMax = 0x9f; // no surrogates
    } else if (b < 0xf5) {
      length = 4;
      if (b === 0xf0) secondMin = 0x90;
      else if (b === 0xf4) secondMax = 0x8f; // nothing above U+10FFFF
    } else {
      return { start: i, end: i + 1, reason: "invalid start byte" };
    }
    for (let k = 1; k < length; k++) {
      if (i + k >= to) return { start: i, end: to, reason: "unexpected end of data" };
      const c = data[i + k]!;
      const ok = k === 1 ? c >= secondMin && c <= secondMax : c >= 0x80 && c <= 0xbf;
      if (!ok) return { start: i, end: i + k, reason: "invalid continuation byte" };
    }
    i += length;
  }
  return null;
}

/** The text of a UnicodeDecodeError, as str() of it reads. */
function decodeErrorMessage(codec: string, data: Uint8Array, start: number, end: number, reason: string): string {
  if (end - start === 1) {
    return `'${codec}' codec can't decode byte 0x${data[start]!.toString(16).padStart(2, "0")} in position ${start}: ${reason}`;
  }
  return `'${codec}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
}

/**
 * For a piece of decoded source that CPython decodes as one unit (a string literal's body, an
 * identifier), the message of the UnicodeDecodeError CPython raises when the piece holds bytes
 * that are not UTF-8 (carried as U+DC80..U+DCFF, see decodeSource), e.g.
 * `'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`; null when the piece
 * decodes. Positions count UTF-8 bytes from `start`. CPython's SyntaxError message is this
 * prefixed with `(unicode error) `.
 */
export function undecodableBytesMessage(text: string, start = 0, end: number = text.length): string | null {
  const piece = text.slice(start, end);
  if (!LONE_SURROGATE.test(piece)) return null;
  const bytes = toOriginalBytes(piece);
  const error = firstUtf8Error(bytes, 0, bytes.length);
  return error === null ? null : decodeErrorMessage("utf-8", bytes, error.start, error.end, error.reason);
}

/** Matches an unpaired surrogate (with the u flag a pair is one code point and does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Re-encodes decoded source as UTF-8, turning U+DC80..U+DCFF back into the bytes they carry. */
function toOriginalBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00);
    else out.push(...Buffer.from(ch, "utf8"));
  }
  return Uint8Array.from(out);
}
