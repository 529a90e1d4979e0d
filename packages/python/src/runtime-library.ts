// Python's runtime library (packages/python/runtime, `py_*`): CPython's behaviour and errors for what
// the shared core runtime leaves to a language. Each entry is the External declaration a module makes
// of the C function, built by the compiler's runtimeFunction as the core's catalogue is; test/
// runtime-functions.test.ts checks them against the C definitions and the built archive.
//
// Compiled Python links the core and this library (PYTHON_RUNTIME), so lowering finds a function in
// either catalogue (lookupPythonRuntimeFunction).

import {
  runtimeFunction as fn,
  lookupRuntimeFunction,
  type RuntimeFunction,
  type RuntimeSignature,
  runtimeCatalogue,
} from "@toolchain/compiler";

const f64_f64: RuntimeSignature = [["f64"], "f64"];
const f64f64_f64: RuntimeSignature = [["f64", "f64"], "f64"];

/**
 * The math functions of one float: [name, can fail, what it does]. "libm" marks those that are C's
 * function of the same name checked by runtime/py_math.c's checked_1: they fail, and the emitter may
 * call the C function itself (External.checksLibm).
 */
const MATH_1: readonly [string, boolean | "libm", string][] = [
  ["sqrt", "libm", "math.sqrt"],
  ["exp", "libm", "math.exp (OverflowError on overflow)"],
  ["exp2", "libm", "math.exp2"],
  ["expm1", "libm", "math.expm1"],
  ["log", true, "math.log with one argument"],
  ["log2", "libm", "math.log2"],
  ["log10", "libm", "math.log10"],
  ["log1p", "libm", "math.log1p"],
  ["sin", "libm", "math.sin (ValueError for infinities)"],
  ["cos", "libm", "math.cos"],
  ["tan", "libm", "math.tan"],
  ["asin", "libm", "math.asin"],
  ["acos", "libm", "math.acos"],
  ["atan", "libm", "math.atan"],
  ["sinh", "libm", "math.sinh"],
  ["cosh", "libm", "math.cosh"],
  ["tanh", "libm", "math.tanh"],
  ["asinh", "libm", "math.asinh"],
  ["acosh", "libm", "math.acosh"],
  ["atanh", "libm", "math.atanh"],
  ["cbrt", "libm", "math.cbrt"],
  ["erf", "libm", "math.erf"],
  ["erfc", "libm", "math.erfc"],
  ["gamma", true, "math.gamma, CPython's Lanczos implementation"],
  ["lgamma", true, "math.lgamma, CPython's Lanczos implementation"],
  ["fabs", false, "math.fabs"],
  ["degrees", false, "math.degrees"],
  ["radians", false, "math.radians"],
  ["ulp", false, "math.ulp"],
];

const MATH_2: readonly [string, boolean, string][] = [
  ["log_base", true, "math.log(x, base); ZeroDivisionError for base 1"],
  ["atan2", false, "math.atan2(y, x)"],
  ["copysign", false, "math.copysign"],
  ["hypot", false, "math.hypot with two arguments"],
  ["fmod", true, "math.fmod (C's fmod, ValueError for a zero divisor)"],
  ["pow", true, "math.pow (ValueError for 0.0 ** negative and complex results, OverflowError on overflow)"],
  ["nextafter", false, "math.nextafter"],
];

/** An int is a tagged word (runtime/py_runtime.h): an i64 in IR, small when its low bit is 0. */
const int_int: RuntimeSignature = [["i64"], "i64"];
const intint_int: RuntimeSignature = [["i64", "i64"], "i64"];

/**
 * Python's int beyond the small fast path (runtime/py_int.c): what emitted code calls when an operand
 * is big or a word operation overflowed, also right for two smalls. [name, can fail, what it does].
 */
const INT_FUNCTIONS: readonly [string, RuntimeSignature, boolean, string][] = [
  ["py_int_from_i64", int_int, false, "The int of a 64-bit value (big beyond the small range)."],
  ["py_int_to_i64", int_int, true, "An int as 64 bits; OverflowError 'Python int too large to convert to C long'."],
  ["py_int_add", intint_int, false, "a + b."],
  ["py_int_sub", intint_int, false, "a - b."],
  ["py_int_mul", intint_int, false, "a * b."],
  ["py_int_floordiv", intint_int, true, "a // b, floored; ZeroDivisionError."],
  ["py_int_mod", intint_int, true, "a % b, the divisor's sign; ZeroDivisionError."],
  ["py_int_neg", int_int, false, "-x."],
  ["py_int_abs", int_int, false, "abs(x)."],
  ["py_int_invert", int_int, false, "~x."],
  ["py_int_pow", intint_int, true, "base ** exponent for exponent >= 0; MemoryError for results too large."],
  ["py_int_pow_mod", [["i64", "i64", "i64"], "i64"], true, "pow(base, exp, mod), a negative exp inverts."],
  ["py_int_lshift", intint_int, true, "a << n; ValueError for n < 0, OverflowError/MemoryError when huge."],
  ["py_int_rshift", intint_int, true, "a >> n, floored; ValueError for n < 0."],
  ["py_int_and", intint_int, false, "a & b (two's complement)."],
  ["py_int_or", intint_int, false, "a | b (two's complement)."],
  ["py_int_xor", intint_int, false, "a ^ b (two's complement)."],
  ["py_int_compare", intint_int, false, "-1, 0 or 1."],
  ["py_int_eq", [["i64", "i64"], "i1"], false, "a == b."],
  ["py_int_hash", int_int, false, "hash(x), CPython's: modulo 2**61 - 1 with the sign, -1 -> -2."],
  ["py_int_bit_length", int_int, false, "x.bit_length()."],
  ["py_int_to_str", [["i64"], "str"], true, "str(x) == repr(x); ValueError past 4300 digits."],
  ["py_int_format", [["i64", "str"], "str"], true, "format(int, spec)."],
  ["py_int_from_str", [["str"], "i64"], true, "int(s); ValueError invalid literal or past 4300 digits."],
  ["py_int_from_str_base", [["str", "i64"], "i64"], true, "int(s, base), base 0 or 2..36."],
  ["py_int_to_f64", [["i64"], "f64"], true, "float(x), correctly rounded; OverflowError when too large."],
  ["py_int_from_f64", [["f64"], "i64"], true, "int(x) of a float, exact; NaN/infinity errors."],
  ["py_int_true_divide", [["i64", "i64"], "f64"], true, "a / b, correctly rounded; ZeroDivisionError, OverflowError."],
  ["py_int_gcd", intint_int, false, "math.gcd of two ints."],
  ["py_int_lcm", intint_int, false, "math.lcm of two ints."],
  ["py_int_isqrt", int_int, true, "math.isqrt; ValueError for negative n."],
  ["py_int_factorial", int_int, true, "math.factorial; ValueError, OverflowError past 2**63 - 1."],
  ["py_int_comb", intint_int, true, "math.comb(n, k)."],
  ["py_int_perm", intint_int, true, "math.perm(n, k)."],
];

/** Those that only read their operands: they neither allocate nor fail. */
const INT_READERS = new Set(["py_int_compare", "py_int_eq", "py_int_hash", "py_int_bit_length"]);

const PYTHON_FUNCTIONS: readonly RuntimeFunction[] = [
  // int: arbitrary precision (py_int.c, py_int_math.c). divmod returns its remainder through a
  // pointer, which the IR has no type for: emitted code calls floordiv and mod.
  ...INT_FUNCTIONS.map(([name, signature, canFail, doc]) =>
    fn(name, signature, canFail, INT_READERS.has(name) ? "read" : "any", doc),
  ),

  // print() and str().
  fn("py_write_f64_repr", [["f64"], "void"], false, "any", "Writes Python's repr of a float to stdout."),
  fn("py_write_bool", [["i1"], "void"], false, "any", "Writes True or False to stdout."),
  fn("py_write_none", [[], "void"], false, "any", "Writes None to stdout."),
  fn("py_f64_repr_str", [["f64"], "str"], false, "any", "str(float) == repr(float), Python's shortest repr."),
  fn("py_bool_to_str", [["i1"], "str"], false, "any", "str(bool): True or False."),

  // Strings.
  fn("py_str_repr", [["str"], "str"], false, "any", "Python's repr(s)."),
  fn("py_str_getitem", [["str", "i64"], "str"], true, "any", "s[i], negative from the end; IndexError."),
  fn("py_str_repeat", [["str", "i64"], "str"], true, "any", "s * n (empty for n <= 0); OverflowError if too long."),
  fn("py_str_chr", [["i64"], "str"], true, "any", "chr(i); ValueError outside range(0x110000)."),
  fn("py_str_ord", [["str"], "i64"], true, "any", "ord(s); TypeError unless one character."),

  // Format-spec mini-language (format(), f-strings): ValueError with CPython's messages.
  fn("py_format_i64", [["i64", "str"], "str"], true, "any", "format(int, spec)."),
  fn("py_format_f64", [["f64", "str"], "str"], true, "any", "format(float, spec)."),
  fn("py_format_str", [["str", "str"], "str"], true, "any", "format(str, spec)."),
  fn("py_format_bool", [["i1", "str"], "str"], true, "any", "format(bool, spec): str(b) for '', else as int."),

  // Conversions with CPython's error messages.
  fn("py_str_to_i64", [["str"], "i64"], true, "any", "int(s): ValueError invalid literal; overflow error."),
  fn("py_str_to_i64_base", [["str", "i64"], "i64"], true, "any", "int(s, base), base 0 or 2..36."),
  fn("py_str_to_f64", [["str"], "f64"], true, "any", "float(s): ValueError could not convert string to float."),
  fn("py_f64_to_i64", [["f64"], "i64"], true, "any", "int(x) for a float: truncation; NaN/infinity errors."),

  // Arithmetic with Python's semantics and errors.
  fn(
    "py_f64_pow",
    f64f64_f64,
    true,
    "any",
    "Python's float ** float: ZeroDivisionError for 0.0 ** negative, ValueError for complex results, OverflowError.",
  ),
  fn("py_i64_pow", [["i64", "i64"], "i64"], true, "any", "int ** int for exponent >= 0; overflow error."),
  fn(
    "py_i64_true_divide",
    [["i64", "i64"], "f64"],
    true,
    "any",
    "int / int, correctly rounded from the exact quotient; ZeroDivisionError.",
  ),
  fn("py_i64_pow_mod", [["i64", "i64", "i64"], "i64"], true, "any", "pow(base, exp, mod), Python's semantics."),
  fn("py_f64_round_to_i64", [["f64"], "i64"], true, "any", "round(x): half to even, to int."),
  fn("py_f64_round_digits", [["f64", "i64"], "f64"], true, "any", "round(x, n) for a float."),
  fn("py_i64_round_digits", [["i64", "i64"], "i64"], true, "any", "round(x, n) for an int."),

  // The math module.
  ...MATH_1.map(([name, failure, doc]) => {
    const f = fn(`py_math_${name}`, f64_f64, failure !== false, failure !== false ? "any" : "none", doc);
    return failure === "libm" ? { ...f, checksLibm: name } : f;
  }),
  ...MATH_2.map(([name, canFail, doc]) => fn(`py_math_${name}`, f64f64_f64, canFail, canFail ? "any" : "none", doc)),
  fn("py_math_ldexp", [["f64", "i64"], "f64"], true, "any", "math.ldexp; OverflowError on overflow."),
  fn("py_math_floor", [["f64"], "i64"], true, "any", "math.floor of a float, as an int."),
  fn("py_math_ceil", [["f64"], "i64"], true, "any", "math.ceil of a float, as an int."),
  fn("py_math_trunc", [["f64"], "i64"], true, "any", "math.trunc of a float, as an int."),
  fn("py_math_isnan", [["f64"], "i1"], false, "none", "math.isnan."),
  fn("py_math_isinf", [["f64"], "i1"], false, "none", "math.isinf."),
  fn("py_math_isfinite", [["f64"], "i1"], false, "none", "math.isfinite."),
  fn("py_math_isclose", [["f64", "f64", "f64", "f64"], "i1"], true, "any", "math.isclose(a, b, rel_tol, abs_tol)."),
  fn("py_math_gcd", [["i64", "i64"], "i64"], true, "any", "math.gcd of two ints."),
  fn("py_math_lcm", [["i64", "i64"], "i64"], true, "any", "math.lcm of two ints."),
  fn("py_math_factorial", [["i64"], "i64"], true, "any", "math.factorial."),
  fn("py_math_isqrt", [["i64"], "i64"], true, "any", "math.isqrt."),
  fn("py_math_comb", [["i64", "i64"], "i64"], true, "any", "math.comb(n, k)."),
  fn("py_math_perm", [["i64", "i64"], "i64"], true, "any", "math.perm(n, k)."),

  // sys.argv and input().
  fn("py_argv_get", [["i64"], "str"], true, "any", "sys.argv[i], negative from the end; IndexError."),
  fn("py_read_line", [[], "str"], true, "any", "input(): a line without its newline; EOFError at the end."),
];

/** Python's runtime library's functions (`py_*`). */
export const pythonRuntimeFunctions: ReadonlyMap<string, RuntimeFunction> = runtimeCatalogue(PYTHON_FUNCTIONS);

/** A function compiled Python can call: from Python's library (`py_*`) or the shared core (`rt_*`). */
export function lookupPythonRuntimeFunction(name: string): RuntimeFunction | undefined {
  return pythonRuntimeFunctions.get(name) ?? lookupRuntimeFunction(name);
}
