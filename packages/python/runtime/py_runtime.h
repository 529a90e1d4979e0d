/*
 * Python's runtime library: what compiled Python programs need beyond the language-neutral core
 * (packages/compiler/runtime/runtime.h, included here), with CPython 3.11's behaviour, exception
 * kinds and messages. It is compiled with the core into one cached archive
 * (packages/python/src/build-python.ts names the source directories), and it defines the core's
 * language hooks: the uncaught-exception report in CPython's traceback layout (py_traceback.c).
 *
 * Functions callable from IR are listed, with their IR signatures, in
 * packages/python/src/runtime-library.ts under their py_ names. Conventions are the core's: `str`
 * arguments are borrowed, a returned `str` is a new (or immortal) reference, and a function that
 * fails sets the pending error with rt_raise and returns a dummy value.
 */
#ifndef TOOLCHAIN_PY_RUNTIME_H
#define TOOLCHAIN_PY_RUNTIME_H

#include "py_containers.h"
#include "runtime.h"

/* ---- int: arbitrary precision in one tagged word (py_int.c, py_int_math.c) -------------------- */
/*
 * A Python int is one word. Low bit 0: a small int, value = word >> 1, in [-2^62, 2^62 - 1]; the
 * tagged sum of two smalls is the sum of their words, so emitted code adds, subtracts and compares
 * words directly and calls the py_int_* functions only when an operand is big or the word overflowed.
 * Low bit 1: word - 1 points at an immutable, counted big int (GMP's mpz_t) whose value is outside
 * the small range. Every result is normalised (a value that fits small is small), so a small never
 * equals a big. Arguments are borrowed, results are new references; a failure sets the pending error
 * and returns 0 (the small 0: releasing it is harmless).
 */
typedef int64_t py_int;

#define PY_INT_SMALL_MIN (-((int64_t)1 << 62))
#define PY_INT_SMALL_MAX (((int64_t)1 << 62) - 1)

static inline bool py_int_is_small(py_int x) { return (x & 1) == 0; }
/* Only a big int is counted: a small is a value, and the test is one bit. */
static inline void py_int_retain(py_int x) {
  if (x & 1) rt_retain((rt_object *)(intptr_t)(x - 1));
}
static inline void py_int_release(py_int x) {
  if (x & 1) rt_release((rt_object *)(intptr_t)(x - 1));
}

py_int py_int_from_i64(int64_t x);
/* Whether the object is a big int (a value of kind 'a' tells its class by its layout). */
bool py_int_is_big_object(const rt_object *object);
/* Whether x fits in an int64_t, and its value there. */
bool py_int_get_i64(py_int x, int64_t *out);
/* x as an int64_t; OverflowError "Python int too large to convert to C long" when it does not fit. */
int64_t py_int_to_i64(py_int x);
/* x as an index; IndexError "cannot fit 'int' into an index-sized integer" when it does not fit. */
int64_t py_int_to_index(py_int x);

py_int py_int_add(py_int a, py_int b), py_int_sub(py_int a, py_int b), py_int_mul(py_int a, py_int b),
    py_int_floordiv(py_int a, py_int b), py_int_mod(py_int a, py_int b);
/* divmod(a, b): the quotient, and the remainder (a new reference) through `remainder`. */
py_int py_int_divmod(py_int a, py_int b, py_int *remainder);
py_int py_int_neg(py_int x), py_int_abs(py_int x), py_int_invert(py_int x);
py_int py_int_pow(py_int base, py_int exponent);
py_int py_int_pow_mod(py_int base, py_int exponent, py_int modulus);
py_int py_int_lshift(py_int a, py_int count), py_int_rshift(py_int a, py_int count);
py_int py_int_and(py_int a, py_int b), py_int_or(py_int a, py_int b), py_int_xor(py_int a, py_int b);
int64_t py_int_compare(py_int a, py_int b);
/* An int against a float, exactly: -1, 0 or 1, and 2 when the float is NaN. */
int64_t py_int_compare_f64(py_int a, double x);
bool py_int_eq(py_int a, py_int b);
int64_t py_int_hash(py_int x);
int64_t py_int_bit_length(py_int x);

/* Counter.total(): the sum of a Counter's counts (py_dict.c). */
py_int py_counter_total(py_dict *counter);

/* str(x) == repr(x); ValueError beyond 4300 decimal digits, as CPython 3.11. */
rt_str *py_int_to_str(py_int x);
double py_int_to_f64(py_int x);
py_int py_int_from_f64(double x);
double py_int_true_divide(py_int a, py_int b);

py_int py_int_gcd(py_int a, py_int b), py_int_lcm(py_int a, py_int b), py_int_isqrt(py_int n),
    py_int_factorial(py_int n), py_int_comb(py_int n, py_int k), py_int_perm(py_int n, py_int k);

/* ---- print() and str() (py_io.c, py_str.c) ------------------------------------------------- */

/* print() of an int; ValueError past 4300 digits. */
void py_write_int(py_int x);
void py_write_f64_repr(double x);
void py_write_bool(bool b);
void py_write_none(void);
rt_str *py_f64_repr_str(double x);
rt_str *py_bool_to_str(bool b);

/* ---- str operations with Python's indexing and errors (py_str.c) ---------------------------- */

/* repr(s): CPython's unicode_repr. */
rt_str *py_str_repr(rt_str *s);
/* Python's repr of UTF-8 text, appended to b. */
void py_repr_utf8(rt_buf *b, const char *data, size_t size);
/* s[index], negative from the end; IndexError. */
rt_str *py_str_getitem(rt_str *s, int64_t index);
/* s * n, empty for n <= 0; OverflowError when the result's size would not fit. */
rt_str *py_str_repeat(rt_str *s, int64_t n);
rt_str *py_str_chr(int64_t cp);
int64_t py_str_ord(rt_str *s);
/* Iteration by byte offset: the size in bytes, the character at an offset, its size in bytes. */
int64_t py_str_size(rt_str *s);
rt_str *py_str_char_at(rt_str *s, int64_t offset);
int64_t py_str_char_size(rt_str *s, int64_t offset);
/* `for word in s.split()` without the list: the byte offset where the next word starts at or after
   `from` (the size when there is none), where the word starting at `begin` ends, and its text. */
int64_t py_str_word_start(rt_str *s, int64_t from);
int64_t py_str_word_end(rt_str *s, int64_t begin);
rt_str *py_str_bytes_range(rt_str *s, int64_t begin, int64_t end);
/* s[start:stop:step] with Python's slice rules; ValueError for step 0. */
rt_str *py_str_slice(rt_str *s, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step);
/* Unpacking `length` values into `expected` targets (at least that many when one is starred):
   ValueError "too many values to unpack" / "not enough values to unpack" as CPython words them. */
void py_unpack_check(int64_t length, int64_t expected, bool starred);

/* ---- str methods (py_str_search.c, py_str_split.c, py_str_case.c, py_str_layout.c) ------------ */
/*
 * CPython 3.11's str methods, errors and messages. Optional arguments are always passed: the front
 * end fills in a default (start 0, end INT64_MAX, maxsplit and count -1, fill " ", tabsize 8).
 * Indexes count code points. Lists and tuples returned hold str ('o').
 */

/* find/rfind: -1 when absent; index/rindex: ValueError "substring not found". */
int64_t py_str_find(rt_str *s, rt_str *sub, int64_t start, int64_t end);
int64_t py_str_rfind(rt_str *s, rt_str *sub, int64_t start, int64_t end);
int64_t py_str_index(rt_str *s, rt_str *sub, int64_t start, int64_t end);
int64_t py_str_rindex(rt_str *s, rt_str *sub, int64_t start, int64_t end);
int64_t py_str_count(rt_str *s, rt_str *sub, int64_t start, int64_t end);
bool py_str_startswith(rt_str *s, rt_str *prefix, int64_t start, int64_t end);
bool py_str_endswith(rt_str *s, rt_str *suffix, int64_t start, int64_t end);
/* With a tuple of str: whether any of them matches. */
bool py_str_startswith_tuple(rt_str *s, py_tuple *prefixes, int64_t start, int64_t end);
bool py_str_endswith_tuple(rt_str *s, py_tuple *suffixes, int64_t start, int64_t end);
/* count < 0 replaces every match. */
rt_str *py_str_replace(rt_str *s, rt_str *old, rt_str *new, int64_t count);
/* ValueError "empty separator". */
py_tuple *py_str_partition(rt_str *s, rt_str *sep);
py_tuple *py_str_rpartition(rt_str *s, rt_str *sep);
rt_str *py_str_removeprefix(rt_str *s, rt_str *prefix);
rt_str *py_str_removesuffix(rt_str *s, rt_str *suffix);

/* split() and rsplit() with no separator (or None); maxsplit < 0 for no limit. */
py_list *py_str_split_whitespace(rt_str *s, int64_t maxsplit);
py_list *py_str_rsplit_whitespace(rt_str *s, int64_t maxsplit);
/* ValueError "empty separator". */
py_list *py_str_split(rt_str *s, rt_str *sep, int64_t maxsplit);
py_list *py_str_rsplit(rt_str *s, rt_str *sep, int64_t maxsplit);
/* keepends: nonzero keeps each line's break. */
py_list *py_str_splitlines(rt_str *s, int64_t keepends);
/* sep.join(items) of a list of str. */
rt_str *py_str_join(rt_str *sep, py_list *items);

rt_str *py_str_upper(rt_str *s);
rt_str *py_str_lower(rt_str *s);
rt_str *py_str_casefold(rt_str *s);
rt_str *py_str_title(rt_str *s);
rt_str *py_str_capitalize(rt_str *s);
rt_str *py_str_swapcase(rt_str *s);
bool py_str_isdecimal(rt_str *s);
bool py_str_isdigit(rt_str *s);
bool py_str_isnumeric(rt_str *s);
bool py_str_isalpha(rt_str *s);
bool py_str_isalnum(rt_str *s);
bool py_str_isspace(rt_str *s);
bool py_str_isascii(rt_str *s);
bool py_str_isidentifier(rt_str *s);
bool py_str_isupper(rt_str *s);
bool py_str_islower(rt_str *s);
bool py_str_istitle(rt_str *s);

/* strip() with no argument (or None) strips whitespace; with chars, the code points of chars. */
rt_str *py_str_strip_whitespace(rt_str *s);
rt_str *py_str_lstrip_whitespace(rt_str *s);
rt_str *py_str_rstrip_whitespace(rt_str *s);
rt_str *py_str_strip(rt_str *s, rt_str *chars);
rt_str *py_str_lstrip(rt_str *s, rt_str *chars);
rt_str *py_str_rstrip(rt_str *s, rt_str *chars);
/* TypeError "The fill character must be exactly one character long". */
rt_str *py_str_center(rt_str *s, int64_t width, rt_str *fill);
rt_str *py_str_ljust(rt_str *s, int64_t width, rt_str *fill);
rt_str *py_str_rjust(rt_str *s, int64_t width, rt_str *fill);
rt_str *py_str_zfill(rt_str *s, int64_t width);
rt_str *py_str_expandtabs(rt_str *s, int64_t tabsize);

/* ---- text files: open(), sys.stdin/stdout/stderr (py_file.c) -------------------------------- */

/* open(path, mode) for the text modes r, w, a, x (and with t); CPython's OSError subclasses
   ("[Errno 2] No such file or directory: 'x'") and ValueError "invalid mode". */
rt_file *py_file_open(rt_str *path, rt_str *mode);
/* f.read(), f.readline() ("" at the end), f.readlines(), f.write(s) (its length), f.close();
   ValueError "I/O operation on closed file." after close; UnicodeDecodeError for bytes not UTF-8. */
rt_str *py_file_read(rt_file *file);
rt_str *py_file_readline(rt_file *file);
struct py_list *py_file_readlines(rt_file *file);
int64_t py_file_write(rt_file *file, rt_str *text);
void py_file_close(rt_file *file);

/* ---- sys.argv and input() (py_io.c) -------------------------------------------------------- */

/* sys.argv[index], negative from the end; IndexError. */
rt_str *py_argv_get(int64_t index);
/* input(): one line without its newline; EOFError at the end of input. */
rt_str *py_read_line(void);

/* ---- floats to text (py_float_format.c) ---------------------------------------------------- */

/* repr(float) into out (at least 32 bytes); returns the length. */
int py_float_repr(double x, char *out);
/*
 * CPython's PyOS_double_to_string: format_code 'e', 'f', 'g' or 'r' (repr), upper for E/F/G;
 * flags as below. Returns a malloc'd NUL-terminated string.
 */
enum { PY_DTSF_ADD_DOT_0 = 1, PY_DTSF_ALT = 2, PY_DTSF_NO_NEG_0 = 4 };
char *py_double_to_string(double x, char format_code, int precision, int flags, bool upper);

/* ---- the format-spec mini-language (py_format.c) ------------------------------------------- */

rt_str *py_int_format(py_int x, rt_str *spec);
rt_str *py_format_f64(double x, rt_str *spec);
rt_str *py_format_str(rt_str *s, rt_str *spec);
rt_str *py_format_bool(bool b, rt_str *spec);

/* ---- printf-style formatting and str.format (py_str_format.c) --------------------------------- */

/* format % args with CPython's PyUnicode_Format: the compiler passes a right operand that is not a
   tuple as a 1-tuple. Mapping keys ("%(name)s") raise TypeError "format requires a mapping". */
rt_str *py_str_percent(rt_str *format, py_tuple *args);
/* format.format(*args, **kwargs): kwargs maps str to values, or is NULL for none. Attribute fields
   ("{0.real}") raise AttributeError as for a missing attribute. */
rt_str *py_str_format(rt_str *format, py_tuple *args, py_dict *kwargs);

/* ---- int() and float() of text (py_parse.c) ------------------------------------------------ */

py_int py_int_from_str(rt_str *s);
py_int py_int_from_str_base(rt_str *s, int64_t base);
double py_str_to_f64(rt_str *s);

/* ---- arithmetic with Python's errors, and the math module (py_math.c) ------------------------ */

double py_f64_pow(double a, double b);
py_int py_f64_round_to_int(double x);
double py_f64_round_digits(double x, int64_t digits);
/* round(x, ndigits) of an int. */
py_int py_int_round_digits(py_int x, int64_t ndigits);

double py_math_sqrt(double x), py_math_exp(double x), py_math_exp2(double x), py_math_expm1(double x),
    py_math_log(double x), py_math_log2(double x), py_math_log10(double x), py_math_log1p(double x),
    py_math_sin(double x), py_math_cos(double x), py_math_tan(double x), py_math_asin(double x),
    py_math_acos(double x), py_math_atan(double x), py_math_sinh(double x), py_math_cosh(double x),
    py_math_tanh(double x), py_math_asinh(double x), py_math_acosh(double x), py_math_atanh(double x),
    py_math_cbrt(double x), py_math_erf(double x), py_math_erfc(double x), py_math_gamma(double x),
    py_math_lgamma(double x), py_math_fabs(double x), py_math_degrees(double x), py_math_radians(double x),
    py_math_ulp(double x);
double py_math_log_base(double x, double base), py_math_atan2(double y, double x),
    py_math_copysign(double x, double y), py_math_hypot(double x, double y), py_math_fmod(double x, double y),
    py_math_pow(double x, double y), py_math_nextafter(double x, double y);
double py_math_ldexp(double x, int64_t i);
py_int py_math_floor(double x), py_math_ceil(double x), py_math_trunc(double x);
bool py_math_isnan(double x), py_math_isinf(double x), py_math_isfinite(double x);
bool py_math_isclose(double a, double b, double rel_tol, double abs_tol);

/* ---- the random module (py_random.c): CPython's generator and Lib/random.py's algorithms ------ */

void py_random_seed(int64_t n);
void py_random_seed_os(void);
double py_random_random(void);
py_int py_random_getrandbits(int64_t k);
/* _randbelow(n): ValueError for n <= 0 (CPython's callers never pass one). */
int64_t py_random_below(int64_t n);
/* choice's index into a sequence of n items: IndexError when it is empty. */
int64_t py_random_choice_index(int64_t n);
int64_t py_random_randrange_stop(int64_t stop);
int64_t py_random_randrange(int64_t start, int64_t stop, int64_t step);
int64_t py_random_randint(int64_t a, int64_t b);
double py_random_uniform(double a, double b);
double py_random_gauss(double mu, double sigma);
double py_random_expovariate(double lambd);
double py_random_triangular(double low, double high);
double py_random_triangular_mode(double low, double high, double mode);
/* sample(range(n), k) into out[0..k): false with ValueError when k is not in 0..n. */
bool py_random_sample_indexes(int64_t n, int64_t k, int64_t *out);
/* shuffle(x) of the n items of x, here indexes: the same swaps as CPython's. */
void py_random_shuffle_indexes(int64_t n, int64_t *x);
/* random.shuffle(list) in place, and random.sample(list, k) as a new list (ValueError as CPython). */
struct py_list;
void py_random_shuffle_list(struct py_list *list);
struct py_list *py_random_sample_list(struct py_list *population, int64_t k);

/* ---- itertools' index walks (py_itertools.c) ------------------------------------------------ */

/*
 * The positions product, permutations and combinations take from their pools, element by element,
 * in CPython's order; emitted code builds each element's tuple from its pools (lists) at these
 * positions. r is the number of positions in an element, n the pool's size (permutations and
 * combinations).
 */
typedef struct py_index_walk {
  rt_object header;
  int64_t mode;     /* 'x' product, 'p' permutations, 'c' combinations */
  int64_t n;
  int64_t r;
  int64_t state;    /* 0 before the first element, 1 walking, 2 done */
  int64_t *indices; /* the current positions (permutations: all n, the first r taken) */
  int64_t *limits;  /* product: each part's pool size; permutations: CPython's cycles */
} py_index_walk;

extern const rt_layout py_index_walk_layout;

/* product of r parts, each part's pool size set with py_walk_set_size before the first step. */
py_index_walk *py_walk_product(int64_t r);
void py_walk_set_size(py_index_walk *walk, int64_t part, int64_t size);
/* permutations and combinations of r of n; ValueError "r must be non-negative". */
py_index_walk *py_walk_permutations(int64_t n, int64_t r);
py_index_walk *py_walk_combinations(int64_t n, int64_t r);
/* Steps to the next element (the first on the first call): whether there is one. */
bool py_walk_next(py_index_walk *walk);
/* The pool position of part `part` of the current element. */
int64_t py_walk_index(py_index_walk *walk, int64_t part);

/* ---- the os module: paths, the environment, the working directory (py_os.c) ----------------- */

/* CPython's OSError subclass for an errno (FileNotFoundError, PermissionError, ...) with its message
   "[Errno N] text", followed by ": 'path'" when a path is given. */
void py_raise_os_error(int64_t error, rt_str *path);
/* posixpath.join(a, b): join of more parts is a fold of this. */
rt_str *py_os_path_join(rt_str *a, rt_str *b);
/* posixpath.exists: whether stat() succeeds (False for a path with a NUL, as CPython's). */
bool py_os_path_exists(rt_str *path);
rt_str *py_os_path_basename(rt_str *path);
rt_str *py_os_path_dirname(rt_str *path);
/* posixpath.splitext: (root, ext), ext empty or starting at the last dot of the last component
   that is not one of its leading dots. */
py_tuple *py_os_path_splitext(rt_str *path);
/* os.environ.get(key): the value (its bytes as they are, as sys.argv's), or NULL when absent. */
rt_str *py_os_environ_get(rt_str *key);
/* os.getcwd(); FileNotFoundError when the directory was removed. */
rt_str *py_os_getcwd(void);

/* ---- the time module's clocks (py_time.c) --------------------------------------------------- */

double py_time_time(void);
int64_t py_time_time_ns(void);
double py_time_perf_counter(void);
int64_t py_time_perf_counter_ns(void);

#endif
