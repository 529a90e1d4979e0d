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

import {
  bytesType,
  dequeType,
  dictType,
  indexWalkType,
  iteratorType,
  listType,
  objectType,
  setType,
  tupleType,
} from "./python-layouts.js";

const f64_f64: RuntimeSignature = [["f64"], "f64"];

/** An entry whose result the container keeps: the caller takes its own reference if it keeps it. */
function borrowed(f: RuntimeFunction): RuntimeFunction {
  return { ...f, resultOwnership: "borrowed", doc: `${f.doc} Borrowed.` };
}
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

/** The str methods that search between start and end: [name, can fail, what it does]. */
const STR_SEARCHES: readonly [string, boolean, string][] = [
  ["find", false, "s.find(sub, start, end): the first index or -1."],
  ["rfind", false, "s.rfind(sub, start, end): the last index or -1."],
  ["index", true, "s.index(sub, start, end); ValueError substring not found."],
  ["rindex", true, "s.rindex(sub, start, end); ValueError substring not found."],
  ["count", false, "s.count(sub, start, end): non-overlapping matches."],
];

/** The str methods that map a string to a string and take nothing else. */
const STR_MAPPINGS = ["upper", "lower", "casefold", "title", "capitalize", "swapcase"] as const;

/** The str methods that classify a string (bool) and take nothing else. */
export const STR_PREDICATES = [
  "isdecimal",
  "isdigit",
  "isnumeric",
  "isalpha",
  "isalnum",
  "isspace",
  "isascii",
  "isidentifier",
  "isupper",
  "islower",
  "istitle",
] as const;

/** An int is a tagged word (runtime/py_runtime.h): `tagged` in IR, an immediate when its low bit is 0. */
const int_int: RuntimeSignature = [["tagged"], "tagged"];
const intint_int: RuntimeSignature = [["tagged", "tagged"], "tagged"];

/**
 * Python's int beyond the small fast path (runtime/py_int.c): what emitted code calls when an operand
 * is big or a word operation overflowed, also right for two smalls. [name, can fail, what it does].
 */
const INT_FUNCTIONS: readonly [string, RuntimeSignature, boolean, string][] = [
  ["py_int_from_i64", [["i64"], "tagged"], false, "The int of a 64-bit value (big beyond the small range)."],
  [
    "py_int_to_i64",
    [["tagged"], "i64"],
    true,
    "An int as 64 bits; OverflowError 'Python int too large to convert to C long'.",
  ],
  [
    "py_int_to_index",
    [["tagged"], "i64"],
    true,
    "An int as an index; IndexError 'cannot fit 'int' into an index-sized integer'.",
  ],
  ["py_int_compare_f64", [["tagged", "f64"], "i64"], false, "int vs float exactly: -1, 0, 1, or 2 for NaN."],
  ["py_int_add", intint_int, false, "a + b."],
  ["py_int_sub", intint_int, false, "a - b."],
  ["py_int_mul", intint_int, false, "a * b."],
  ["py_int_floordiv", intint_int, true, "a // b, floored; ZeroDivisionError."],
  ["py_int_mod", intint_int, true, "a % b, the divisor's sign; ZeroDivisionError."],
  ["py_int_neg", int_int, false, "-x."],
  ["py_int_abs", int_int, false, "abs(x)."],
  ["py_int_invert", int_int, false, "~x."],
  ["py_int_pow", intint_int, true, "base ** exponent for exponent >= 0; MemoryError for results too large."],
  ["py_int_pow_mod", [["tagged", "tagged", "tagged"], "tagged"], true, "pow(base, exp, mod), a negative exp inverts."],
  ["py_int_lshift", intint_int, true, "a << n; ValueError for n < 0, OverflowError/MemoryError when huge."],
  ["py_int_rshift", intint_int, true, "a >> n, floored; ValueError for n < 0."],
  ["py_int_and", intint_int, false, "a & b (two's complement)."],
  ["py_int_or", intint_int, false, "a | b (two's complement)."],
  ["py_int_xor", intint_int, false, "a ^ b (two's complement)."],
  ["py_int_compare", [["tagged", "tagged"], "i64"], false, "-1, 0 or 1."],
  ["py_int_eq", [["tagged", "tagged"], "i1"], false, "a == b."],
  ["py_int_hash", [["tagged"], "i64"], false, "hash(x), CPython's: modulo 2**61 - 1 with the sign, -1 -> -2."],
  ["py_int_bit_length", [["tagged"], "i64"], false, "x.bit_length()."],
  ["py_int_to_str", [["tagged"], "str"], true, "str(x) == repr(x); ValueError past 4300 digits."],
  ["py_int_format", [["tagged", "str"], "str"], true, "format(int, spec)."],
  ["py_int_from_str", [["str"], "tagged"], true, "int(s); ValueError invalid literal or past 4300 digits."],
  ["py_int_from_str_base", [["str", "i64"], "tagged"], true, "int(s, base), base 0 or 2..36."],
  ["py_int_to_f64", [["tagged"], "f64"], true, "float(x), correctly rounded; OverflowError when too large."],
  ["py_int_from_f64", [["f64"], "tagged"], true, "int(x) of a float, exact; NaN/infinity errors."],
  [
    "py_int_true_divide",
    [["tagged", "tagged"], "f64"],
    true,
    "a / b, correctly rounded; ZeroDivisionError, OverflowError.",
  ],
  ["py_int_gcd", intint_int, false, "math.gcd of two ints."],
  ["py_int_lcm", intint_int, false, "math.lcm of two ints."],
  ["py_int_isqrt", int_int, true, "math.isqrt; ValueError for negative n."],
  ["py_int_factorial", int_int, true, "math.factorial; ValueError, OverflowError past 2**63 - 1."],
  ["py_int_comb", intint_int, true, "math.comb(n, k)."],
  ["py_int_perm", intint_int, true, "math.perm(n, k)."],
];

/** Those that only read their operands: they neither allocate nor fail. */
const INT_READERS = new Set(["py_int_compare", "py_int_compare_f64", "py_int_eq", "py_int_hash", "py_int_bit_length"]);

const PYTHON_FUNCTIONS: readonly RuntimeFunction[] = [
  // int: arbitrary precision (py_int.c, py_int_math.c). divmod returns its remainder through a
  // pointer, which the IR has no type for: emitted code calls floordiv and mod.
  ...INT_FUNCTIONS.map(([name, signature, canFail, doc]) =>
    fn(name, signature, canFail, INT_READERS.has(name) ? "read" : "any", doc),
  ),

  // print() and str().
  fn(
    "py_write_int",
    [["tagged"], "void"],
    true,
    "any",
    "Writes str(x) of an int to stdout; ValueError past 4300 digits.",
  ),
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

  // str methods (runtime/py_str_*.c), CPython 3.11's: str-methods.ts says which a call becomes.
  // Optional arguments are always passed (start 0, end INT64_MAX, count and maxsplit -1).
  ...STR_SEARCHES.map(([name, canFail, doc]) =>
    fn(`py_str_${name}`, [["str", "str", "i64", "i64"], "i64"], canFail, canFail ? "any" : "read", doc),
  ),
  ...(["startswith", "endswith"] as const).flatMap((name) => [
    fn(`py_str_${name}`, [["str", "str", "i64", "i64"], "i1"], false, "read", `s.${name}(str, start, end).`),
    fn(
      `py_str_${name}_tuple`,
      [["str", tupleType, "i64", "i64"], "i1"],
      false,
      "read",
      `s.${name}(tuple of str, start, end): whether any matches.`,
    ),
  ]),
  fn("py_str_replace", [["str", "str", "str", "i64"], "str"], false, "any", "s.replace(old, new, count); -1: all."),
  fn("py_str_partition", [["str", "str"], tupleType], true, "any", "s.partition(sep); ValueError empty separator."),
  fn("py_str_rpartition", [["str", "str"], tupleType], true, "any", "s.rpartition(sep); ValueError empty separator."),
  fn("py_str_removeprefix", [["str", "str"], "str"], false, "any", "s.removeprefix(prefix)."),
  fn("py_str_removesuffix", [["str", "str"], "str"], false, "any", "s.removesuffix(suffix)."),
  fn("py_str_split_whitespace", [["str", "i64"], listType], false, "any", "s.split(None, maxsplit)."),
  fn("py_str_rsplit_whitespace", [["str", "i64"], listType], false, "any", "s.rsplit(None, maxsplit)."),
  fn("py_str_split", [["str", "str", "i64"], listType], true, "any", "s.split(sep, maxsplit); ValueError if empty."),
  fn("py_str_rsplit", [["str", "str", "i64"], listType], true, "any", "s.rsplit(sep, maxsplit); ValueError if empty."),
  fn("py_str_splitlines", [["str", "i64"], listType], false, "any", "s.splitlines(keepends), keepends nonzero."),
  fn("py_str_join", [["str", listType], "str"], false, "any", "sep.join(list of str)."),
  ...STR_MAPPINGS.map((name) => fn(`py_str_${name}`, [["str"], "str"], false, "any", `s.${name}().`)),
  ...STR_PREDICATES.map((name) => fn(`py_str_${name}`, [["str"], "i1"], false, "read", `s.${name}().`)),
  ...(["strip", "lstrip", "rstrip"] as const).flatMap((name) => [
    fn(`py_str_${name}_whitespace`, [["str"], "str"], false, "any", `s.${name}() of whitespace.`),
    fn(`py_str_${name}`, [["str", "str"], "str"], false, "any", `s.${name}(chars).`),
  ]),
  ...(["center", "ljust", "rjust"] as const).map((name) =>
    fn(
      `py_str_${name}`,
      [["str", "i64", "str"], "str"],
      true,
      "any",
      `s.${name}(width, fillchar); TypeError unless one fill character.`,
    ),
  ),
  fn("py_str_zfill", [["str", "i64"], "str"], false, "any", "s.zfill(width)."),
  fn("py_str_expandtabs", [["str", "i64"], "str"], true, "any", "s.expandtabs(tabsize); OverflowError if too long."),

  // Format-spec mini-language (format(), f-strings): ValueError with CPython's messages.
  fn("py_format_f64", [["f64", "str"], "str"], true, "any", "format(float, spec)."),
  fn("py_format_str", [["str", "str"], "str"], true, "any", "format(str, spec)."),
  fn("py_format_bool", [["i1", "str"], "str"], true, "any", "format(bool, spec): str(b) for '', else as int."),
  // printf-style `%` and str.format (runtime/py_str_format.c): CPython's errors word for word. A `%`
  // operand that is not a tuple is passed as a 1-tuple; format's kwargs may be an empty dict or null.
  fn("py_str_percent", [["str", tupleType], "str"], true, "any", "format % args (args a tuple)."),
  fn("py_str_format", [["str", tupleType, dictType], "str"], true, "any", "format.format(*args, **kwargs)."),

  // Conversions with CPython's error messages.
  fn("py_str_to_f64", [["str"], "f64"], true, "any", "float(s): ValueError could not convert string to float."),

  // Arithmetic with Python's semantics and errors.
  fn(
    "py_f64_pow",
    f64f64_f64,
    true,
    "any",
    "Python's float ** float: ZeroDivisionError for 0.0 ** negative, ValueError for complex results, OverflowError.",
  ),
  fn("py_f64_round_to_int", [["f64"], "tagged"], true, "any", "round(x): half to even, to int."),
  fn("py_f64_round_digits", [["f64", "i64"], "f64"], true, "any", "round(x, n) for a float."),
  fn("py_int_round_digits", [["tagged", "i64"], "tagged"], false, "any", "round(x, n) for an int."),

  // The math module.
  ...MATH_1.map(([name, failure, doc]) => {
    const f = fn(`py_math_${name}`, f64_f64, failure !== false, failure !== false ? "any" : "none", doc);
    return failure === "libm" ? { ...f, checksLibm: name } : f;
  }),
  ...MATH_2.map(([name, canFail, doc]) => fn(`py_math_${name}`, f64f64_f64, canFail, canFail ? "any" : "none", doc)),
  fn("py_math_ldexp", [["f64", "i64"], "f64"], true, "any", "math.ldexp; OverflowError on overflow."),
  fn("py_math_floor", [["f64"], "tagged"], true, "any", "math.floor of a float, as an int."),
  fn("py_math_ceil", [["f64"], "tagged"], true, "any", "math.ceil of a float, as an int."),
  fn("py_math_trunc", [["f64"], "tagged"], true, "any", "math.trunc of a float, as an int."),
  fn("py_math_isnan", [["f64"], "i1"], false, "none", "math.isnan."),
  fn("py_math_isinf", [["f64"], "i1"], false, "none", "math.isinf."),
  fn("py_math_isfinite", [["f64"], "i1"], false, "none", "math.isfinite."),
  fn("py_math_isclose", [["f64", "f64", "f64", "f64"], "i1"], true, "any", "math.isclose(a, b, rel_tol, abs_tol)."),

  // Containers (runtime/py_containers.h). A word is an element of kind i/f/b/n as an i64; `_obj`
  // variants take objects, declared per call site with the element's own reference type.
  fn("py_object_repr", [[objectType], "str"], false, "any", "repr() of any object."),
  fn("py_object_str", [[objectType], "str"], false, "any", "str() of any object."),
  fn("py_write_object", [[objectType], "void"], false, "any", "print()'s text of any object to stdout."),
  fn("py_object_eq", [[objectType, objectType], "i1"], false, "any", "a == b for objects of one static type."),
  fn("py_object_compare", [[objectType, objectType], "i64"], true, "any", "<0, 0, >0: ordering; TypeError."),
  fn("py_hash_f64", [["f64"], "i64"], false, "none", "hash(float) as CPython's."),
  fn("py_hash_none", [[], "i64"], false, "none", "hash(None)."),
  fn("py_object_hash", [[objectType], "i64"], true, "any", "hash(x); TypeError for unhashable objects."),

  fn("py_iter_new", [[listType], iteratorType], false, "any", "An iterator over a list (runtime/py_iterator.c)."),
  // bytes and the codecs (runtime/py_bytes.c).
  fn("py_bytes_from_latin1", [["str"], bytesType], false, "any", "A bytes literal from the str of its bytes."),
  fn("py_bytes_from_list", [[listType], bytesType], true, "any", "bytes(list of ints); ValueError."),
  fn("py_bytes_zeros", [["i64"], bytesType], true, "any", "bytes(n); ValueError for a negative count."),
  fn("py_bytes_length", [[bytesType], "i64"], false, "read", "len(b)."),
  fn("py_bytes_getitem", [[bytesType, "i64"], "i64"], true, "any", "b[i] as an int; IndexError."),
  fn(
    "py_bytes_slice",
    [[bytesType, "i64", "i1", "i64", "i1", "i64"], bytesType],
    true,
    "any",
    "b[start:stop:step]; ValueError for step 0.",
  ),
  fn("py_bytes_concat", [[bytesType, bytesType], bytesType], false, "any", "a + b of bytes."),
  fn("py_bytes_repeat", [[bytesType, "i64"], bytesType], true, "any", "b * n; MemoryError."),
  fn("py_bytes_contains", [[bytesType, bytesType], "i1"], false, "read", "sub in b."),
  fn("py_bytes_contains_int", [[bytesType, "i64"], "i1"], true, "any", "an int in b; ValueError."),
  fn("py_bytes_eq", [[bytesType, bytesType], "i1"], false, "read", "a == b of bytes."),
  fn("py_bytes_compare", [[bytesType, bytesType], "i64"], false, "read", "-1, 0 or 1: the order of bytes."),
  fn("py_bytes_repr", [[bytesType], "str"], false, "any", "repr(b): b'...'."),
  fn("py_bytes_hex", [[bytesType], "str"], false, "any", "b.hex()."),
  fn("py_bytes_join", [[bytesType, listType], bytesType], false, "any", "sep.join(list of bytes)."),
  fn("py_bytes_decode", [[bytesType, "str", "str"], "str"], true, "any", "b.decode(encoding, errors)."),
  fn("py_str_encode", [["str", "str", "str"], bytesType], true, "any", "s.encode(encoding, errors)."),

  // Values whose type is decided at run time (runtime/py_any.c): tagged words, as ints are.
  fn("py_any_from_float", [["f64"], "tagged"], false, "any", "A float as a value of any type (boxed)."),
  fn("py_any_from_bool", [["i1"], "tagged"], false, "none", "A bool as a value of any type."),
  fn("py_any_from_object", [[objectType], "tagged"], false, "any", "An object as a value of any type."),
  fn("py_any_float", [["tagged"], "f64"], false, "read", "The float a value of any type holds."),
  fn("py_any_bool", [["tagged"], "i1"], false, "none", "The bool a value of any type holds."),
  fn("py_any_object", [["tagged"], objectType], false, "any", "The object a value of any type holds."),
  fn("py_any_class_name", [["tagged"], "str"], false, "any", "type(x).__name__ of a value of any type."),
  fn("py_any_class", [["tagged"], "i64"], false, "read", "What a value of any type is, by one character."),
  fn("py_any_truth", [["tagged"], "i1"], false, "read", "bool(x) of a value of any type."),
  fn("py_any_repr", [["tagged"], "str"], false, "any", "repr(x) of a value of any type."),
  fn("py_any_str", [["tagged"], "str"], false, "any", "str(x) of a value of any type."),
  fn("py_write_any", [["tagged"], "void"], false, "any", "print()'s text of a value of any type."),
  fn("py_any_eq", [["tagged", "tagged"], "i1"], false, "any", "a == b of values of any types."),
  fn("py_any_len", [["tagged"], "i64"], true, "any", "len(x) of a value of any type; TypeError."),
  fn("py_object_as_list", [[objectType, "i64"], listType], true, "any", "The elements iterating gives, as a list."),
  fn("py_any_as_list", [["tagged", "i64"], listType], true, "any", "The elements iterating gives, as a list."),
  fn("py_any_getitem", [["tagged", "tagged"], "tagged"], true, "any", "container[key] of values of any types."),
  fn(
    "py_any_slice",
    [["tagged", "i64", "i1", "i64", "i1", "i64"], "tagged"],
    true,
    "any",
    "container[start:stop:step] of a str or list of any type.",
  ),
  fn("py_any_hash", [["tagged"], "i64"], true, "any", "hash(x) of a value of any type; TypeError."),
  fn("py_any_order", [["tagged", "tagged", "i64"], "i1"], true, "any", "a < b (<=, >, >=); TypeError."),
  fn("py_list_new", [["i64", "i64"], listType], false, "any", "An empty list of a kind, with room for n."),
  fn("py_list_append_word", [[listType, "i64"], "void"], false, "any", "list.append(x) of a word."),
  fn("py_list_append_obj", [[listType, objectType], "void"], false, "any", "list.append(x) of an object."),
  fn("py_list_pop_word", [[listType, "i64"], "i64"], true, "any", "list.pop(i); IndexError."),
  fn("py_list_pop_obj", [[listType, "i64"], objectType], true, "any", "list.pop(i) of objects; IndexError."),
  fn("py_list_insert_word", [[listType, "i64", "i64"], "void"], false, "any", "list.insert(i, x)."),
  fn("py_list_insert_obj", [[listType, "i64", objectType], "void"], false, "any", "list.insert(i, x)."),
  fn("py_list_contains_word", [[listType, "i64"], "i1"], false, "any", "x in list."),
  fn("py_list_contains_obj", [[listType, objectType], "i1"], true, "any", "x in list of objects."),
  fn("py_list_index_word", [[listType, "i64"], "i64"], true, "any", "list.index(x); ValueError."),
  fn("py_list_index_obj", [[listType, objectType], "i64"], true, "any", "list.index(x); ValueError."),
  fn("py_list_count_word", [[listType, "i64"], "i64"], false, "any", "list.count(x)."),
  fn("py_list_count_obj", [[listType, objectType], "i64"], true, "any", "list.count(x)."),
  fn("py_list_remove_word", [[listType, "i64"], "void"], true, "any", "list.remove(x); ValueError."),
  fn("py_list_remove_obj", [[listType, objectType], "void"], true, "any", "list.remove(x); ValueError."),
  fn("py_list_extend", [[listType, listType], "void"], false, "any", "list.extend(other list)."),
  fn("py_list_concat", [[listType, listType], listType], false, "any", "a + b of lists."),
  fn("py_list_concat_as", [[listType, listType, "i64"], listType], false, "any", "a + b of lists of other kinds."),
  fn("py_list_repeat", [[listType, "i64"], listType], true, "any", "list * n; MemoryError."),
  fn(
    "py_list_slice",
    [[listType, "i64", "i1", "i64", "i1", "i64"], listType],
    true,
    "any",
    "list[start:stop:step], each bound given or not; ValueError for step 0.",
  ),
  fn("py_list_delete", [[listType, "i64"], "void"], true, "any", "del list[i]; IndexError."),
  fn("py_list_reverse", [[listType], "void"], false, "any", "list.reverse()."),
  fn("py_list_sort", [[listType, "i1"], "void"], true, "any", "list.sort(reverse=...): stable; TypeError."),
  fn("py_list_sort_by_keys", [[listType, listType, "i1"], "void"], true, "any", "list.sort(key=...) by a key list."),
  fn("py_list_copy", [[listType], listType], false, "any", "list.copy(), list(list), list[:]."),
  fn("py_list_clear", [[listType], "void"], false, "any", "list.clear()."),
  fn(
    "py_list_assign_slice",
    [[listType, "i64", "i1", "i64", "i1", "i64", listType], "void"],
    true,
    "any",
    "list[start:stop:step] = other; ValueError for an extended slice of another size.",
  ),
  fn(
    "py_list_delete_slice",
    [[listType, "i64", "i1", "i64", "i1", "i64"], "void"],
    true,
    "any",
    "del list[start:stop:step].",
  ),
  fn("py_argv_list", [[], listType], false, "any", "sys.argv as a new list."),
  fn("py_unpack_check", [["i64", "i64", "i1"], "void"], true, "any", "ValueError unless length fits the targets."),
  fn("py_str_size", [["str"], "i64"], false, "read", "Bytes of a str's UTF-8 (iteration by offset)."),
  fn("py_str_char_at", [["str", "i64"], "str"], false, "any", "The character at a byte offset."),
  fn("py_str_char_size", [["str", "i64"], "i64"], false, "read", "Bytes of the character at a byte offset."),
  fn("py_str_word_start", [["str", "i64"], "i64"], false, "read", "Where the next word starts (split())."),
  fn("py_str_word_end", [["str", "i64"], "i64"], false, "read", "Where the word at a byte offset ends."),
  fn("py_str_bytes_range", [["str", "i64", "i64"], "str"], false, "any", "The text of bytes [begin, end)."),
  fn(
    "py_str_slice",
    [["str", "i64", "i1", "i64", "i1", "i64"], "str"],
    true,
    "any",
    "s[start:stop:step], each bound given or not; ValueError for step 0.",
  ),
  fn("py_random_shuffle_list", [[listType], "void"], false, "any", "random.shuffle(list), CPython's swaps."),
  fn("py_random_sample_list", [[listType, "i64"], listType], true, "any", "random.sample(list, k); ValueError."),
  fn("py_file_open", [["str", "str"], "file"], true, "any", "open(path, mode) in a text mode; OSError."),
  fn("py_file_read", [["file"], "str"], true, "any", "f.read(); OSError, ValueError when closed."),
  fn("py_file_readline", [["file"], "str"], true, "any", "f.readline(): '' at the end."),
  fn("py_file_readlines", [["file"], listType], true, "any", "f.readlines()."),
  fn("py_file_write", [["file", "str"], "i64"], true, "any", "f.write(s): its length; OSError."),
  fn("py_file_close", [["file"], "void"], true, "any", "f.close()."),
  fn("py_heappush_word", [[listType, "i64"], "void"], true, "any", "heapq.heappush."),
  fn("py_heappush_obj", [[listType, objectType], "void"], true, "any", "heapq.heappush."),
  fn("py_heappop_word", [[listType], "i64"], true, "any", "heapq.heappop; IndexError when empty."),
  fn("py_heappop_obj", [[listType], objectType], true, "any", "heapq.heappop; IndexError when empty."),
  fn("py_heapify", [[listType], "void"], true, "any", "heapq.heapify."),
  ...["left", "right"].flatMap((side) => [
    fn(`py_bisect_${side}_word`, [[listType, "i64"], "i64"], true, "any", `bisect.bisect_${side}.`),
    fn(`py_bisect_${side}_obj`, [[listType, objectType], "i64"], true, "any", `bisect.bisect_${side}.`),
  ]),
  fn(
    "py_list_run_end",
    [[listType, "i64"], "i64"],
    false,
    "read",
    "The end of the run of elements equal to the one at start (itertools.groupby's keys).",
  ),
  fn("py_tuple_new", [["str"], tupleType], false, "any", "A zeroed tuple of the kinds' length, to be filled."),
  fn(
    "py_tuple_new_acyclic",
    [["str"], tupleType],
    false,
    "any",
    "A zeroed tuple that cannot be in a reference cycle, which the collector does not track.",
  ),
  fn("py_dict_new", [["i64", "i64"], dictType], false, "any", "An empty dict of key and value kinds."),
  fn("py_dict_find_word", [[dictType, "i64"], "i64"], true, "any", "The position of key's entry or -1."),
  fn("py_dict_find_obj", [[dictType, objectType], "i64"], true, "any", "The position of key's entry or -1."),
  fn("py_dict_insert_word", [[dictType, "i64"], "i64"], true, "any", "The position of key's entry, made if new."),
  fn("py_dict_insert_obj", [[dictType, objectType], "i64"], true, "any", "The position of key's entry, made if new."),
  borrowed(fn("py_dict_value_word", [[dictType, "i64"], "i64"], false, "read", "The value at a position.")),
  borrowed(fn("py_dict_value_obj", [[dictType, "i64"], objectType], false, "read", "The value at a position.")),
  fn("py_dict_set_value_word", [[dictType, "i64", "i64"], "void"], false, "any", "Sets the value at a position."),
  fn("py_dict_set_value_obj", [[dictType, "i64", objectType], "void"], false, "any", "Sets the value at a position."),
  fn("py_dict_key_error_word", [[dictType, "i64"], "void"], true, "any", "Raises KeyError(key)."),
  fn("py_dict_key_error_obj", [[dictType, objectType], "void"], true, "any", "Raises KeyError(key)."),
  fn("py_dict_delete_word", [[dictType, "i64"], "void"], true, "any", "del d[key]; KeyError."),
  fn("py_dict_delete_obj", [[dictType, objectType], "void"], true, "any", "del d[key]; KeyError."),
  fn("py_dict_length", [[dictType], "i64"], false, "read", "len(d)."),
  fn("py_dict_next", [[dictType, "i64"], "i64"], false, "read", "The next live position at or after, or -1."),
  borrowed(fn("py_dict_key_word", [[dictType, "i64"], "i64"], false, "read", "The key at a position.")),
  borrowed(fn("py_dict_key_obj", [[dictType, "i64"], objectType], false, "read", "The key at a position.")),
  fn("py_dict_insert_new_word", [[dictType, "i64"], "i64"], true, "any", "Position of key's entry; -p-1 if new."),
  fn("py_dict_insert_new_obj", [[dictType, objectType], "i64"], true, "any", "Position of key's entry; -p-1 if new."),
  fn("py_dict_delete_at", [[dictType, "i64"], "void"], false, "any", "Deletes the entry at a position."),
  fn("py_dict_last", [[dictType], "i64"], true, "any", "The last entry's position; KeyError when empty."),
  fn("py_dict_update", [[dictType, dictType], "void"], true, "any", "d.update(other dict)."),
  fn(
    "py_dict_new_flavored",
    [["i64", "i64", "i64", "i64", "i64"], dictType],
    false,
    "any",
    "A collections.defaultdict (with its factory) or Counter.",
  ),
  fn(
    "py_dict_insert_default_word",
    [[dictType, "i64"], "i64"],
    true,
    "any",
    "defaultdict: key's position, made if new.",
  ),
  fn("py_dict_insert_default_obj", [[dictType, objectType], "i64"], true, "any", "defaultdict: the key's position."),
  fn("py_counter_add_word", [[dictType, "i64"], "void"], true, "any", "A Counter's count of the key plus one."),
  fn("py_counter_add_obj", [[dictType, objectType], "void"], true, "any", "A Counter's count of the key plus one."),
  fn(
    "py_counter_add_counts",
    [[dictType, dictType], "void"],
    true,
    "any",
    "A mapping's int counts added to a Counter.",
  ),
  fn("py_counter_most_common", [[dictType, "i64"], listType], false, "any", "Counter.most_common(n); n < 0 for all."),
  fn("py_counter_combine", [[dictType, dictType, "i64"], dictType], false, "any", "Counter a op b: + - | &."),
  fn("py_counter_subtract", [[dictType, dictType], "void"], false, "any", "counter.subtract(counts)."),
  fn("py_counter_total", [[dictType], "tagged"], false, "any", "counter.total()."),
  fn("py_counter_elements", [[dictType], listType], false, "any", "counter.elements() as a list."),
  fn(
    "py_counter_assign",
    [[dictType, dictType], "void"],
    false,
    "any",
    "A Counter's entries made another's, in place.",
  ),
  fn("py_dict_copy", [[dictType], dictType], false, "any", "d.copy()."),
  fn("py_dict_clear", [[dictType], "void"], false, "any", "d.clear()."),

  fn("py_set_new", [["i64", "i1"], setType], false, "any", "An empty set (or frozenset) of a kind."),
  fn("py_set_add_word", [[setType, "i64"], "void"], false, "any", "set.add(x)."),
  fn("py_set_add_obj", [[setType, objectType], "void"], true, "any", "set.add(x); TypeError if unhashable."),
  fn("py_set_contains_word", [[setType, "i64"], "i1"], false, "any", "x in set."),
  fn("py_set_contains_obj", [[setType, objectType], "i1"], true, "any", "x in set; TypeError if unhashable."),
  fn("py_set_discard_word", [[setType, "i64"], "i1"], false, "any", "set.discard(x): whether it was there."),
  fn("py_set_discard_obj", [[setType, objectType], "i1"], true, "any", "set.discard(x)."),
  fn("py_set_remove_word", [[setType, "i64"], "void"], true, "any", "set.remove(x); KeyError."),
  fn("py_set_remove_obj", [[setType, objectType], "void"], true, "any", "set.remove(x); KeyError."),
  fn("py_set_pop_word", [[setType], "i64"], true, "any", "set.pop(); KeyError when empty."),
  fn("py_set_pop_obj", [[setType], objectType], true, "any", "set.pop(); KeyError when empty."),
  fn("py_set_length", [[setType], "i64"], false, "read", "len(set)."),
  fn("py_set_next", [[setType, "i64"], "i64"], false, "read", "The next live slot at or after, or -1."),
  borrowed(fn("py_set_key_word", [[setType, "i64"], "i64"], false, "read", "The key in a slot.")),
  borrowed(fn("py_set_key_obj", [[setType, "i64"], objectType], false, "read", "The key in a slot.")),
  ...[
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "inplace_or",
    "inplace_and",
    "inplace_sub",
    "inplace_xor",
  ].map((op) => fn(`py_set_${op}`, [[setType, setType], setType], false, "any", `set ${op.replace("_", " ")}.`)),
  ...["update", "intersection_update", "difference_update", "symmetric_difference_update"].map((op) =>
    fn(`py_set_${op}`, [[setType, setType], "void"], false, "any", `set.${op}(other set).`),
  ),
  ...["issubset", "issuperset", "isdisjoint", "eq"].map((op) =>
    fn(`py_set_${op}`, [[setType, setType], "i1"], false, "any", `set.${op}(other set).`),
  ),
  fn("py_set_copy", [[setType], setType], false, "any", "set.copy()."),
  fn("py_set_clear", [[setType], "void"], false, "any", "set.clear()."),
  fn("py_set_hash", [[setType], "i64"], true, "any", "hash(frozenset); TypeError for a set."),

  // collections.deque (py_deque.c): a ring buffer; maxlen trims the other end.
  fn("py_deque_new", [["i64", "i1", "i64"], dequeType], true, "any", "deque of a kind, bounded or not; ValueError."),
  ...(["append", "appendleft"] as const).flatMap((name) => [
    fn(`py_deque_${name}_word`, [[dequeType, "i64"], "void"], false, "any", `deque.${name}(x) of a word.`),
    fn(`py_deque_${name}_obj`, [[dequeType, objectType], "void"], false, "any", `deque.${name}(x) of an object.`),
  ]),
  ...(["pop", "popleft"] as const).flatMap((name) => [
    fn(`py_deque_${name}_word`, [[dequeType], "i64"], true, "any", `deque.${name}(); IndexError when empty.`),
    fn(`py_deque_${name}_obj`, [[dequeType], objectType], true, "any", `deque.${name}(); IndexError when empty.`),
  ]),
  fn("py_deque_extend_deque", [[dequeType, dequeType], "void"], false, "any", "deque.extend(a deque, maybe itself)."),
  fn("py_deque_extendleft_deque", [[dequeType, dequeType], "void"], false, "any", "deque.extendleft(a deque)."),
  fn("py_deque_clear", [[dequeType], "void"], false, "any", "deque.clear()."),
  fn("py_deque_length", [[dequeType], "i64"], false, "read", "len(deque)."),
  fn("py_deque_contains_word", [[dequeType, "i64"], "i1"], false, "any", "x in deque."),
  fn("py_deque_contains_obj", [[dequeType, objectType], "i1"], true, "any", "x in deque of objects."),
  borrowed(fn("py_deque_get_word", [[dequeType, "i64"], "i64"], true, "any", "d[i]; IndexError.")),
  borrowed(fn("py_deque_get_obj", [[dequeType, "i64"], objectType], true, "any", "d[i]; IndexError.")),
  borrowed(fn("py_deque_item_word", [[dequeType, "i64"], "i64"], false, "read", "Element i, in range.")),
  borrowed(fn("py_deque_item_obj", [[dequeType, "i64"], objectType], false, "read", "Element i, in range.")),
  fn("py_deque_set_word", [[dequeType, "i64", "i64"], "void"], true, "any", "d[i] = x; IndexError."),
  fn("py_deque_set_obj", [[dequeType, "i64", objectType], "void"], true, "any", "d[i] = x; IndexError."),
  fn("py_deque_rotate", [[dequeType, "i64"], "void"], false, "any", "deque.rotate(n)."),
  fn("py_deque_state", [[dequeType], "i64"], false, "read", "The count of changes iteration notices."),
  fn(
    "py_deque_check_state",
    [[dequeType, "i64"], "void"],
    true,
    "any",
    "RuntimeError 'deque mutated during iteration' unless the count is still the state.",
  ),

  // The positions itertools.product, permutations and combinations take (py_itertools.c).
  fn("py_walk_product", [["i64"], indexWalkType], false, "any", "product's walk of r parts, sizes to be set."),
  fn("py_walk_set_size", [[indexWalkType, "i64", "i64"], "void"], false, "any", "The pool size of a product's part."),
  fn("py_walk_permutations", [["i64", "i64"], indexWalkType], true, "any", "permutations of r of n; ValueError."),
  fn("py_walk_combinations", [["i64", "i64"], indexWalkType], true, "any", "combinations of r of n; ValueError."),
  fn("py_walk_next", [[indexWalkType], "i1"], false, "any", "Steps to the next element: whether there is one."),
  fn("py_walk_index", [[indexWalkType, "i64"], "i64"], false, "read", "The pool position of a part."),
  // The random module (py_random.c): CPython's generator, one hidden instance, seeded from the OS.
  fn("py_random_seed", [["i64"], "void"], false, "any", "random.seed(n) for an int: init_by_array of abs(n)."),
  fn("py_random_seed_os", [[], "void"], false, "any", "random.seed() or seed(None): 624 words from the OS."),
  fn("py_random_random", [[], "f64"], false, "any", "random.random(): 53 bits of two draws."),
  fn("py_random_getrandbits", [["i64"], "tagged"], true, "any", "random.getrandbits(k); ValueError for k < 0."),
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

  // The os module (py_os.c): posixpath's rules, the environment, the working directory.
  fn("py_os_path_join", [["str", "str"], "str"], false, "any", "posixpath.join(a, b)."),
  fn("py_os_path_exists", [["str"], "i1"], false, "any", "os.path.exists(path): whether stat() succeeds."),
  fn("py_os_path_basename", [["str"], "str"], false, "any", "os.path.basename(path)."),
  fn("py_os_path_dirname", [["str"], "str"], false, "any", "os.path.dirname(path)."),
  fn("py_os_path_splitext", [["str"], tupleType], false, "any", "os.path.splitext(path): (root, ext)."),
  fn("py_os_environ_get", [["str"], "str?"], false, "any", "os.environ.get(key): the value or None."),
  fn("py_os_getcwd", [[], "str"], true, "any", "os.getcwd(); FileNotFoundError."),

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
