// Every C runtime function an IR `runtime` instruction may call: its IR signature, whether it can
// fail, and what memory it touches. Front ends pick names from here; the LLVM emitter declares the
// functions from here and attaches attributes from `memory`.
//
// Where they are defined: `rt_*` in the language-neutral core (packages/compiler/runtime/*.c), which
// never fails with an error of its own; `py_*` in Python's runtime library (packages/python/runtime),
// which an executable has only when its front end links it (see RuntimeLibrary). The entries of a
// language library are data here, checked against its C sources by that language's tests.
//
// Conventions of the C side (runtime/runtime.h): `str` arguments are borrowed and a returned `str` is
// a new reference (or an immortal one); a function that can fail sets the pending error with its
// library's exception kind and message, and the emitted code then unwinds from the instruction's `loc`.

import type { IrType } from "./ir/ir.js";

export interface RuntimeFunction {
  readonly name: string;
  readonly params: readonly IrType[];
  /** "void" when it returns nothing. */
  readonly result: IrType;
  /** True when it can raise; a call then needs a `loc` and is followed by an error check. */
  readonly canFail: boolean;
  /**
   * What it does to memory, for LLVM: "none" reads and writes nothing but its arguments' values
   * (pure), "read" only reads (e.g. string contents), "any" may do anything (allocation, output).
   * A function that can fail writes the pending error, so it is always "any".
   */
  readonly memory: "none" | "read" | "any";
  /** Never returns (exits the process). */
  readonly noReturn?: boolean;
  /**
   * The C library function this one checks: it returns `libm(x)` and fails exactly when that is NaN
   * for a non-NaN argument or infinite for a finite one (CPython's math_1). The emitter calls the
   * library function itself and this one only in that case, to raise with its message.
   */
  readonly checksLibm?: string;
  readonly doc: string;
}

type Signature = [params: IrType[], result: IrType];

function fn(
  name: string,
  [params, result]: Signature,
  canFail: boolean,
  memory: RuntimeFunction["memory"],
  doc: string,
  noReturn = false,
): RuntimeFunction {
  if (canFail && memory !== "any") throw new Error(`${name}: a function that can fail writes the error state`);
  return noReturn
    ? { name, params, result, canFail, memory, noReturn, doc }
    : { name, params, result, canFail, memory, doc };
}

const f64_f64: Signature = [["f64"], "f64"];
const f64f64_f64: Signature = [["f64", "f64"], "f64"];

/**
 * Python's math functions of one float: [name, can fail, what it does]. "libm" marks those that are
 * C's function of the same name checked by packages/python/runtime/py_math.c's checked_1: they fail,
 * and the emitter may call the C function itself (RuntimeFunction.checksLibm).
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

const FUNCTIONS: readonly RuntimeFunction[] = [
  // ---- The core (packages/compiler/runtime): no language's semantics, no failure of its own. ----

  // Output: stdout is buffered and flushed at exit and before anything goes to stderr.
  fn("rt_write_str", [["str"], "void"], false, "any", "Writes the string to stdout."),
  fn("rt_write_i64", [["i64"], "void"], false, "any", "Writes an int in decimal to stdout."),
  fn("rt_write_newline", [[], "void"], false, "any", "Writes a newline to stdout."),
  fn("rt_write_stderr_str", [["str"], "void"], false, "any", "Writes the string to stderr (stdout flushed first)."),

  // Strings.
  fn("rt_str_concat", [["str", "str"], "str"], false, "any", "a + b."),
  fn("rt_str_compare", [["str", "str"], "i64"], false, "read", "-1, 0 or 1: code point order."),
  fn("rt_str_eq", [["str", "str"], "i1"], false, "read", "a == b."),
  fn("rt_str_len", [["str"], "i64"], false, "read", "The length in code points."),
  fn(
    "rt_str_repeat",
    [["str", "i64"], "str"],
    false,
    "any",
    "s repeated n times (empty for n <= 0); a result too long to exist is fatal (out of memory).",
  ),
  fn("rt_str_contains", [["str", "str"], "i1"], false, "read", "Whether needle occurs in haystack (haystack first)."),
  fn(
    "rt_str_slice",
    [["str", "i64", "i64"], "str"],
    false,
    "any",
    "Code points [start, stop): negative bounds count from the end, bounds out of range are clamped.",
  ),
  fn("rt_str_incref", [["str"], "void"], false, "any", "Takes a reference (no-op on immortal strings)."),
  fn("rt_str_decref", [["str"], "void"], false, "any", "Drops a reference, freeing the string at zero."),
  fn("rt_i64_to_str", [["i64"], "str"], false, "any", "An int in decimal."),

  // Arithmetic LLVM has no instruction for.
  fn("rt_f64_abs", f64_f64, false, "none", "The absolute value of a float."),
  fn("rt_f64_floordiv", f64f64_f64, false, "none", "The IR's floored float division (divisor non-zero)."),
  fn(
    "rt_f64_mod",
    f64f64_f64,
    false,
    "none",
    "The IR's floored float remainder (divisor non-zero; takes the divisor's sign).",
  ),
  fn(
    "rt_compare_i64_f64",
    [["i64", "f64"], "i64"],
    false,
    "none",
    "Exact int-float comparison: -1, 0, 1, or 2 when the float is NaN.",
  ),

  // Errors.
  fn("rt_raise_message", [["str", "str"], "void"], true, "any", "Raises kind(message) with run-time text."),

  // Process.
  fn("rt_argv_count", [[], "i64"], false, "read", "The number of command-line arguments, the program's name first."),
  fn(
    "rt_argv_get",
    [["i64"], "str"],
    false,
    "any",
    "Argument i for 0 <= i < rt_argv_count() (the caller checks; empty otherwise).",
  ),
  fn("rt_exit", [["i64"], "void"], false, "any", "Flushes stdout and exits with the status.", true),
  fn("rt_exit_message", [["str"], "void"], false, "any", "Writes the text and a newline to stderr."),
  fn("rt_time_perf_counter", [[], "f64"], false, "any", "Seconds on a monotonic clock."),
  fn("rt_time_time", [[], "f64"], false, "any", "Seconds since the Unix epoch."),

  // ---- Python's runtime library (packages/python/runtime): CPython's behaviour and errors. ----

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

export const runtimeFunctions: ReadonlyMap<string, RuntimeFunction> = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function lookupRuntimeFunction(name: string): RuntimeFunction | undefined {
  return runtimeFunctions.get(name);
}
