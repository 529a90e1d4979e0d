// Every C runtime function IR code may call (packages/compiler/runtime/*.c), as the External
// declarations a module makes of them: signature, whether it can fail, what memory it touches, and
// who owns the references it takes and returns. Front ends pick declarations from here and the
// module declares each one it calls (declareExternal); the emitter reads only the module's
// declarations.
//
// Conventions of the C side (runtime/runtime.h): `str` arguments are borrowed and a returned `str` is
// a new reference (or an immortal one); a function that can fail sets the pending error with its own
// exception kind and message, CPython's where it implements Python behaviour, and the emitted code
// then unwinds from the call's `loc`.

import { strType } from "./ir/builder.js";
import type { External } from "./ir/ir.js";
import { type IrType, types } from "./ir/types.js";

/** An External with a line of documentation, as the catalogue lists it. */
export interface RuntimeFunction extends External {
  readonly doc: string;
}

type TypeName = "i1" | "i64" | "f64" | "str";
type Signature = [params: TypeName[], result: TypeName | "void"];

const typeNamed: Record<TypeName | "void", IrType> = {
  i1: types.i1,
  i64: types.i64,
  f64: types.f64,
  str: strType,
  void: types.void,
};

function fn(
  name: string,
  [params, result]: Signature,
  canFail: boolean,
  memory: RuntimeFunction["memory"],
  doc: string,
  noReturn = false,
): RuntimeFunction {
  if (canFail && memory !== "any") throw new Error(`${name}: a function that can fail writes the error state`);
  return {
    name,
    params: params.map((p) => typeNamed[p]),
    result: typeNamed[result],
    canFail,
    memory,
    noReturn,
    argumentOwnership: params.map(() => "borrow"),
    resultOwnership: "owned",
    checksLibm: null,
    doc,
  };
}

const f64_f64: Signature = [["f64"], "f64"];
const f64f64_f64: Signature = [["f64", "f64"], "f64"];

/**
 * math functions of one float: [name, can fail, what it does]. "libm" marks those that are C's
 * function of the same name checked by runtime/py_math.c's checked_1: they fail, and the emitter may
 * call the C function itself (RuntimeFunction.checksLibm).
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
  // Output: stdout is buffered and flushed at exit and before anything goes to stderr.
  fn("rt_write_str", [["str"], "void"], false, "any", "Writes the string to stdout."),
  fn("rt_write_i64", [["i64"], "void"], false, "any", "Writes an int in decimal to stdout."),
  fn("rt_write_f64_repr", [["f64"], "void"], false, "any", "Writes Python's repr of a float to stdout."),
  fn("rt_write_bool", [["i1"], "void"], false, "any", "Writes True or False to stdout."),
  fn("rt_write_none", [[], "void"], false, "any", "Writes None to stdout."),
  fn("rt_write_newline", [[], "void"], false, "any", "Writes a newline to stdout."),
  fn("rt_write_stderr_str", [["str"], "void"], false, "any", "Writes the string to stderr (stdout flushed first)."),

  // Strings.
  fn("rt_str_concat", [["str", "str"], "str"], false, "any", "a + b."),
  fn("rt_str_compare", [["str", "str"], "i64"], false, "read", "-1, 0 or 1: Python's (code point) ordering."),
  fn("rt_str_eq", [["str", "str"], "i1"], false, "read", "a == b."),
  fn("rt_str_len", [["str"], "i64"], false, "read", "len(s) in code points."),
  fn("rt_str_repr", [["str"], "str"], false, "any", "Python's repr(s)."),
  fn("rt_str_repeat", [["str", "i64"], "str"], true, "any", "s * n (empty for n <= 0)."),
  fn("rt_str_contains", [["str", "str"], "i1"], false, "read", "needle in haystack (haystack first)."),
  fn("rt_str_getitem", [["str", "i64"], "str"], true, "any", "s[i], negative from the end; IndexError."),
  fn("rt_str_slice", [["str", "i64", "i64"], "str"], false, "any", "s[start:stop] with Python's clamping."),
  fn("rt_str_chr", [["i64"], "str"], true, "any", "chr(i); ValueError outside range(0x110000)."),
  fn("rt_str_ord", [["str"], "i64"], true, "any", "ord(s); TypeError unless one character."),
  fn("rt_str_incref", [["str"], "void"], false, "any", "Takes a reference (no-op on immortal strings)."),
  fn("rt_str_decref", [["str"], "void"], false, "any", "Drops a reference, freeing the string at zero."),
  fn("rt_i64_to_str", [["i64"], "str"], false, "any", "str(int)."),
  fn("rt_f64_repr_str", [["f64"], "str"], false, "any", "str(float) == repr(float), Python's shortest repr."),
  fn("rt_bool_to_str", [["i1"], "str"], false, "any", "str(bool): True or False."),

  // Format-spec mini-language (format(), f-strings): ValueError with CPython's messages.
  fn("rt_format_i64", [["i64", "str"], "str"], true, "any", "format(int, spec)."),
  fn("rt_format_f64", [["f64", "str"], "str"], true, "any", "format(float, spec)."),
  fn("rt_format_str", [["str", "str"], "str"], true, "any", "format(str, spec)."),
  fn("rt_format_bool", [["i1", "str"], "str"], true, "any", "format(bool, spec): str(b) for '', else as int."),

  // Conversions with CPython's error messages.
  fn("rt_str_to_i64", [["str"], "i64"], true, "any", "int(s): ValueError invalid literal; overflow error."),
  fn("rt_str_to_i64_base", [["str", "i64"], "i64"], true, "any", "int(s, base), base 0 or 2..36."),
  fn("rt_str_to_f64", [["str"], "f64"], true, "any", "float(s): ValueError could not convert string to float."),
  fn("rt_f64_to_i64", [["f64"], "i64"], true, "any", "int(x) for a float: truncation; NaN/infinity errors."),

  // Arithmetic LLVM has no instruction for.
  fn("rt_f64_abs", f64_f64, false, "none", "abs(x) for a float."),
  fn("rt_f64_floordiv", f64f64_f64, false, "none", "Python's float // (divisor non-zero)."),
  fn("rt_f64_mod", f64f64_f64, false, "none", "Python's float % (divisor non-zero; takes the divisor's sign)."),
  fn(
    "rt_f64_pow",
    f64f64_f64,
    true,
    "any",
    "Python's float ** float: ZeroDivisionError for 0.0 ** negative, ValueError for complex results, OverflowError.",
  ),
  fn("rt_i64_pow", [["i64", "i64"], "i64"], true, "any", "int ** int for exponent >= 0; overflow error."),
  fn(
    "rt_i64_true_divide",
    [["i64", "i64"], "f64"],
    true,
    "any",
    "int / int, correctly rounded from the exact quotient; ZeroDivisionError.",
  ),
  fn(
    "rt_compare_i64_f64",
    [["i64", "f64"], "i64"],
    false,
    "none",
    "Exact int-float comparison as Python does it: -1, 0, 1, or 2 when the float is NaN.",
  ),
  fn("rt_i64_pow_mod", [["i64", "i64", "i64"], "i64"], true, "any", "pow(base, exp, mod), Python's semantics."),
  fn("rt_f64_round_to_i64", [["f64"], "i64"], true, "any", "round(x): half to even, to int."),
  fn("rt_f64_round_digits", [["f64", "i64"], "f64"], true, "any", "round(x, n) for a float."),
  fn("rt_i64_round_digits", [["i64", "i64"], "i64"], true, "any", "round(x, n) for an int."),

  // The math module.
  ...MATH_1.map(([name, failure, doc]) => {
    const f = fn(`rt_math_${name}`, f64_f64, failure !== false, failure !== false ? "any" : "none", doc);
    return failure === "libm" ? { ...f, checksLibm: name } : f;
  }),
  ...MATH_2.map(([name, canFail, doc]) => fn(`rt_math_${name}`, f64f64_f64, canFail, canFail ? "any" : "none", doc)),
  fn("rt_math_ldexp", [["f64", "i64"], "f64"], true, "any", "math.ldexp; OverflowError on overflow."),
  fn("rt_math_floor", [["f64"], "i64"], true, "any", "math.floor of a float, as an int."),
  fn("rt_math_ceil", [["f64"], "i64"], true, "any", "math.ceil of a float, as an int."),
  fn("rt_math_trunc", [["f64"], "i64"], true, "any", "math.trunc of a float, as an int."),
  fn("rt_math_isnan", [["f64"], "i1"], false, "none", "math.isnan."),
  fn("rt_math_isinf", [["f64"], "i1"], false, "none", "math.isinf."),
  fn("rt_math_isfinite", [["f64"], "i1"], false, "none", "math.isfinite."),
  fn("rt_math_isclose", [["f64", "f64", "f64", "f64"], "i1"], true, "any", "math.isclose(a, b, rel_tol, abs_tol)."),
  fn("rt_math_gcd", [["i64", "i64"], "i64"], true, "any", "math.gcd of two ints."),
  fn("rt_math_lcm", [["i64", "i64"], "i64"], true, "any", "math.lcm of two ints."),
  fn("rt_math_factorial", [["i64"], "i64"], true, "any", "math.factorial."),
  fn("rt_math_isqrt", [["i64"], "i64"], true, "any", "math.isqrt."),
  fn("rt_math_comb", [["i64", "i64"], "i64"], true, "any", "math.comb(n, k)."),
  fn("rt_math_perm", [["i64", "i64"], "i64"], true, "any", "math.perm(n, k)."),

  // Errors.
  fn("rt_raise_message", [["str", "str"], "void"], true, "any", "Raises kind(message) with run-time text."),

  // Process.
  fn("rt_argv_count", [[], "i64"], false, "read", "len(sys.argv)."),
  fn("rt_argv_get", [["i64"], "str"], true, "any", "sys.argv[i], negative from the end; IndexError."),
  fn("rt_exit", [["i64"], "void"], false, "any", "Flushes stdout and exits with the status.", true),
  fn("rt_exit_message", [["str"], "void"], false, "any", "sys.exit(text): writes the text and a newline to stderr."),
  fn("rt_read_line", [[], "str"], true, "any", "input(): a line without its newline; EOFError at the end."),
  fn("rt_time_perf_counter", [[], "f64"], false, "any", "time.perf_counter()."),
  fn("rt_time_time", [[], "f64"], false, "any", "time.time()."),
];

export const runtimeFunctions: ReadonlyMap<string, RuntimeFunction> = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function lookupRuntimeFunction(name: string): RuntimeFunction | undefined {
  return runtimeFunctions.get(name);
}
