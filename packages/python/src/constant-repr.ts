// Python's repr() of every value a Constant can hold, character for character as CPython 3.11
// prints it (this is what `ast.dump` shows).

import control from "@unicode/unicode-14.0.0/General_Category/Control/ranges.mjs";
import format from "@unicode/unicode-14.0.0/General_Category/Format/ranges.mjs";
import lineSeparator from "@unicode/unicode-14.0.0/General_Category/Line_Separator/ranges.mjs";
import paragraphSeparator from "@unicode/unicode-14.0.0/General_Category/Paragraph_Separator/ranges.mjs";
import privateUse from "@unicode/unicode-14.0.0/General_Category/Private_Use/ranges.mjs";
import spaceSeparator from "@unicode/unicode-14.0.0/General_Category/Space_Separator/ranges.mjs";
import surrogate from "@unicode/unicode-14.0.0/General_Category/Surrogate/ranges.mjs";
import unassigned from "@unicode/unicode-14.0.0/General_Category/Unassigned/ranges.mjs";
import { type ConstantValue, PyBytes, PyComplex, PyEllipsis, PyStrCodePoints } from "./constant-value.js";

export function reprConstant(value: ConstantValue): string {
  if (typeof value === "string") return reprStr(value);
  if (value === null) return "None";
  if (typeof value === "bigint") return reprInt(value);
  if (typeof value === "number") return reprFloat(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value instanceof PyBytes) return reprBytes(value.bytes);
  if (value instanceof PyComplex) return reprComplex(value);
  if (value instanceof PyStrCodePoints) return reprCodePoints(value.codePoints);
  if (value instanceof PyEllipsis) return "Ellipsis";
  throw new TypeError(`not a Python constant: ${String(value)}`);
}

// --- int -------------------------------------------------------------------------------------

/** CPython 3.11's default `sys.get_int_max_str_digits()`. */
const INT_MAX_STR_DIGITS = 4300;

export function reprInt(value: bigint): string {
  const text = value.toString();
  const digits = value < 0n ? text.length - 1 : text.length;
  if (digits > INT_MAX_STR_DIGITS) {
    // repr() itself fails in CPython, so `ast.dump` raises ValueError rather than printing.
    throw new RangeError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; ` +
        "use sys.set_int_max_str_digits() to increase the limit",
    );
  }
  return text;
}

// --- float and complex -----------------------------------------------------------------------

/**
 * `repr(float)`: the shortest digits that round-trip (JS and CPython agree on those), laid out by
 * CPython's `float_repr_style = 'short'` rules: positional when the decimal exponent is in
 * [-4, 16), scientific otherwise, with a two-digit signed exponent.
 */
export function reprFloat(x: number): string {
  return formatFloat(x, true);
}

/**
 * `addDot0` is CPython's Py_DTSF_ADD_DOT_0: float repr writes `1.0` where the parts of a complex
 * repr write `1`.
 */
function formatFloat(x: number, addDot0: boolean): string {
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e16) {
    // JS also prints positionally throughout this range, with the same shortest digits.
    const text = String(x);
    return !addDot0 || text.includes(".") ? text : `${text}.0`;
  }
  if (x === 0) {
    const zero = addDot0 ? "0.0" : "0";
    return Object.is(x, -0) ? `-${zero}` : zero;
  }
  if (Number.isNaN(x)) return "nan";
  if (abs === Infinity) return x < 0 ? "-inf" : "inf";
  // Outside [1e-4, 1e16) the shortest digits always have a decimal exponent outside [-4, 16):
  // 1e-4 and 1e16 bound the range exactly, so CPython writes these in scientific notation.
  const scientific = abs.toExponential(); // "d.ddde+N" with the shortest round-trip digits
  const ePos = scientific.indexOf("e");
  const mantissa = scientific.slice(0, ePos);
  const exponent = Number(scientific.slice(ePos + 1));
  const magnitude = Math.abs(exponent);
  return `${x < 0 ? "-" : ""}${mantissa}e${exponent < 0 ? "-" : "+"}${magnitude < 10 ? "0" : ""}${magnitude}`;
}

/** `repr(complex)`: CPython's complex_repr. */
export function reprComplex(value: PyComplex): string {
  const { real, imag } = value;
  if (real === 0 && !Object.is(real, -0)) return `${formatFloat(imag, false)}j`;
  const imagText = formatFloat(imag, false);
  const signed = imagText[0] === "-" ? imagText : `+${imagText}`;
  return `(${formatFloat(real, false)}${signed}j)`;
}

// --- str -------------------------------------------------------------------------------------

/** Printable ASCII other than the quote and backslash: such strings repr as themselves in '...'. */
const PLAIN_ASCII = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/** `repr(str)`: CPython's unicode_repr. Lone surrogates in `s` are single (unprintable) code points. */
export function reprStr(s: string): string {
  if (PLAIN_ASCII.test(s)) return `'${s}'`;
  const quote = s.includes("'") && !s.includes('"') ? 0x22 : 0x27;
  let out = quote === 0x22 ? '"' : "'";
  let runStart = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0x20 && cp < 0x7f && cp !== quote && cp !== 0x5c) continue;
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        width = 2;
      }
    }
    if (cp >= 0x80 && isPrintable(cp)) {
      i += width - 1;
      continue;
    }
    out += s.slice(runStart, i) + escapeCodePoint(cp, quote);
    i += width - 1;
    runStart = i + 1;
  }
  out += s.slice(runStart);
  return out + (quote === 0x22 ? '"' : "'");
}

function reprCodePoints(codePoints: readonly number[]): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const cp of codePoints) {
    if (cp === 0x27) hasSingle = true;
    else if (cp === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  const parts: string[] = [quote === 0x22 ? '"' : "'"];
  for (const cp of codePoints) {
    if (cp >= 0x20 && cp < 0x7f && cp !== quote && cp !== 0x5c) parts.push(String.fromCharCode(cp));
    else if (cp >= 0x80 && isPrintable(cp)) parts.push(String.fromCodePoint(cp));
    else parts.push(escapeCodePoint(cp, quote));
  }
  parts.push(parts[0]!);
  return parts.join("");
}

/** The escape unicode_repr writes for a code point it does not print as itself. */
function escapeCodePoint(cp: number, quote: number): string {
  if (cp === quote || cp === 0x5c) return `\\${String.fromCharCode(cp)}`;
  if (cp === 0x09) return "\\t";
  if (cp === 0x0a) return "\\n";
  if (cp === 0x0d) return "\\r";
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0");
}

/**
 * Python's str.isprintable() for one code point, per Unicode 14.0.0 (Python 3.11's database):
 * everything except categories Cc Cf Cs Co Cn Zl Zp Zs, with U+0020 SPACE the one exception.
 */
export function isPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  if (cp < 0xa0) return false;
  // Binary search for the last unprintable range starting at or before cp.
  let lo = 0;
  let hi = UNPRINTABLE_STARTS.length - 1;
  if (cp < UNPRINTABLE_STARTS[0]!) return true;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (UNPRINTABLE_STARTS[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return cp >= UNPRINTABLE_ENDS[lo]!;
}

const [UNPRINTABLE_STARTS, UNPRINTABLE_ENDS] = buildUnprintableRanges();

/** Sorted, merged [start, end) ranges of the unprintable categories, as two parallel arrays. */
function buildUnprintableRanges(): [Int32Array, Int32Array] {
  const ranges = [control, format, surrogate, privateUse, unassigned, lineSeparator, paragraphSeparator, spaceSeparator]
    .flat()
    .map((r) => [r.begin, r.end] as [number, number])
    .filter(([begin]) => begin !== 0x20) // U+0020 is a Zs range of its own; it is printable.
    .sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [begin, end] of ranges) {
    if (ends.length > 0 && begin <= ends[ends.length - 1]!) {
      ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, end);
    } else {
      starts.push(begin);
      ends.push(end);
    }
  }
  return [Int32Array.from(starts), Int32Array.from(ends)];
}

// --- bytes -----------------------------------------------------------------------------------

/** `repr(bytes)`: CPython's bytes repr with smart quotes. */
export function reprBytes(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? 0x22 : 0x27;
  let out = quote === 0x22 ? 'b"' : "b'";
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f && b !== quote && b !== 0x5c) out += String.fromCharCode(b);
    else if (b === quote || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b === 0x09) out += "\\t";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else out += `\\x${hex(b, 2)}`;
  }
  return out + (quote === 0x22 ? '"' : "'");
}
