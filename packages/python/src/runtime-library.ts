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

const PYTHON_FUNCTIONS: readonly RuntimeFunction[] = [
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

  // The random module (py_random.c): CPython's generator, one hidden instance, seeded from the OS.
  fn("py_random_seed", [["i64"], "void"], false, "any", "random.seed(n) for an int: init_by_array of abs(n)."),
  fn("py_random_seed_os", [[], "void"], false, "any", "random.seed() or seed(None): 624 words from the OS."),
  fn("py_random_random", [[], "f64"], false, "any", "random.random(): 53 bits of two draws."),
  fn("py_random_getrandbits", [["i64"], "i64"], true, "any", "random.getrandbits(k); overflow error beyond int64."),
  fn("py_random_below", [["i64"], "i64"], true, "any", "Random._randbelow(n) for n > 0 (ValueError otherwise)."),
  fn("py_random_choice_index", [["i64"], "i64"], true, "any", "choice's index into n items; IndexError if n == 0."),
  fn("py_random_randrange_stop", [["i64"], "i64"], true, "any", "random.randrange(stop); ValueError when empty."),
  fn("py_random_randrange", [["i64", "i64", "i64"], "i64"], true, "any", "random.randrange(start, stop, step)."),
  fn("py_random_randint", [["i64", "i64"], "i64"], true, "any", "random.randint(a, b) == randrange(a, b + 1)."),
  fn("py_random_uniform", f64f64_f64, false, "any", "random.uniform(a, b)."),
  fn("py_random_gauss", f64f64_f64, false, "any", "random.gauss(mu, sigma), keeping the second value."),
  fn("py_random_expovariate", f64_f64, true, "any", "random.expovariate(lambd); ZeroDivisionError for 0."),
  fn("py_random_triangular", f64f64_f64, false, "any", "random.triangular(low, high) without a mode."),
  fn("py_random_triangular_mode", [["f64", "f64", "f64"], "f64"], false, "any", "random.triangular(low, high, mode)."),

  // The time module's clocks (py_time.c): they read the clock, so they are never merged or moved.
  fn("py_time_time", [[], "f64"], false, "any", "time.time(): CLOCK_REALTIME in seconds."),
  fn("py_time_time_ns", [[], "i64"], false, "any", "time.time_ns()."),
  fn("py_time_perf_counter", [[], "f64"], false, "any", "time.perf_counter(): CLOCK_MONOTONIC in seconds."),
  fn("py_time_perf_counter_ns", [[], "i64"], false, "any", "time.perf_counter_ns()."),

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
