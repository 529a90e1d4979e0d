// The value of a NUMBER token, as CPython 3.11's parsenumber computes it. The token is assumed to
// be well formed (the tokenizer validates its syntax).

import { PyComplex } from "./constant-value.js";
import { LiteralError } from "./literal-error.js";

/** CPython 3.11's default `sys.get_int_max_str_digits()`. */
const INT_MAX_STR_DIGITS = 4300;

/** Ints 0..255 as bigints: most int literals are small, and these need no parsing. */
const SMALL_INTS: readonly bigint[] = Array.from({ length: 256 }, (_, i) => BigInt(i));

/**
 * An int literal gives a bigint, a float literal a number, an imaginary literal a PyComplex with
 * a zero real part. Floats are correctly rounded (as CPython's are), so `1e400` is Infinity.
 * Throws LiteralError (site "token-lines") for a decimal int of more than 4300 digits, which
 * CPython refuses to convert.
 */
export function parseNumberLiteral(text: string): bigint | number | PyComplex {
  const length = text.length;
  if (length <= 3) {
    // Fast path for the common short decimal ints ("0", "1", "42", "255").
    let value = 0;
    let i = 0;
    for (; i < length; i++) {
      const digit = text.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === length && value < 256) return SMALL_INTS[value]!;
  }
  const digits = text.includes("_") ? text.replace(/_/g, "") : text;
  const last = digits.charCodeAt(digits.length - 1) | 0x20;
  if (last === 0x6a) return new PyComplex(0, Number(digits.slice(0, -1))); // 'j'
  if (digits.length > 1 && digits.charCodeAt(0) === 0x30) {
    const base = digits.charCodeAt(1) | 0x20;
    // BigInt() reads the 0x/0o/0b prefixes itself.
    if (base === 0x78 || base === 0x6f || base === 0x62) return BigInt(digits);
  }
  if (/[.eE]/.test(digits)) return Number(digits);
  // A decimal int. One that starts with 0 is all zeros, which CPython converts without the limit.
  if (digits.length > INT_MAX_STR_DIGITS && digits.charCodeAt(0) !== 0x30) {
    throw new LiteralError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; ` +
        "use sys.set_int_max_str_digits() to increase the limit - " +
        "Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
      "token-lines",
    );
  }
  return BigInt(digits);
}
