/*
 * Python's int with CPython 3.11's semantics and errors: the tagged word of py_runtime.h, a small
 * value in the word or a counted big int holding GMP's mpz_t. These are the slow paths emitted code
 * calls when an operand is big or a word operation overflowed; each is also right for two smalls,
 * which it answers in machine arithmetic without touching GMP.
 *
 * Why GMP: multiplication, division and radix conversion of big operands are subquadratic there
 * (Karatsuba to FFT), it is well kept, and its static archive keeps executables standalone. Its
 * allocations go through the runtime's allocator, so running out of memory ends the process with
 * the language's message, as any other allocation does.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py_hash.h"
#include "py_int_internal.h"

/* The runtime's own layouts are numbered below 16 (core.c's str is 1, exception 2, file 3). */
enum { INT_TYPE_ID = 4 };

static void big_drop(rt_object *object) {
  mpz_ptr value = ((py_big *)object)->value;
  if (value->_mp_d == NULL) return;
  mpz_clear(value);
  value->_mp_d = NULL;
}

static const rt_layout big_layout = {
    .name = "int",
    .type_id = INT_TYPE_ID,
    .flags = 0,
    .size = sizeof(py_big),
    .drop = big_drop,
    .traverse = NULL,
};

bool py_int_is_big_object(const rt_object *object) { return object->layout == &big_layout; }

static void *gmp_realloc(void *p, size_t old_size, size_t new_size) {
  (void)old_size;
  return rt_realloc(p, new_size);
}

static void gmp_free(void *p, size_t size) {
  (void)size;
  free(p);
}

/* Before main: GMP may allocate in any int operation, including the first. */
__attribute__((constructor)) static void use_runtime_allocator(void) {
  mp_set_memory_functions(rt_malloc, gmp_realloc, gmp_free);
}

/* ---- representation ------------------------------------------------------------------------- */

static py_int small(int64_t value) { return (py_int)((uint64_t)value << 1); }

static bool fits_small(int64_t value) { return value >= PY_INT_SMALL_MIN && value <= PY_INT_SMALL_MAX; }

py_int py_int_from_mpz(mpz_ptr value) {
  if (mpz_fits_slong_p(value)) {
    long v = mpz_get_si(value);
    if (fits_small(v)) {
      mpz_clear(value);
      return small(v);
    }
  }
  py_big *big = (py_big *)rt_alloc(&big_layout, sizeof(py_big), NULL);
  *big->value = *value;
  return (py_int)(intptr_t)big + 1;
}

mpz_srcptr py_int_view_of(py_int x, py_int_view *view) {
  if (!py_int_is_small(x)) return py_int_big_value(x);
  int64_t v = py_int_small_value(x);
  view->limb = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  return mpz_roinit_n(view->z, &view->limb, v < 0 ? -1 : v > 0 ? 1 : 0);
}

py_int py_int_from_i64(int64_t x) {
  if (fits_small(x)) return small(x);
  mpz_t value;
  mpz_init_set_si(value, x);
  return py_int_from_mpz(value);
}

static py_int from_i128(__int128 x) {
  if (x >= INT64_MIN && x <= INT64_MAX) return py_int_from_i64((int64_t)x);
  unsigned __int128 magnitude = x < 0 ? -(unsigned __int128)x : (unsigned __int128)x;
  mpz_t value;
  mpz_init_set_ui(value, (unsigned long)(magnitude >> 64));
  mpz_mul_2exp(value, value, 64);
  mpz_add_ui(value, value, (unsigned long)magnitude);
  if (x < 0) mpz_neg(value, value);
  return py_int_from_mpz(value);
}

bool py_int_get_i64(py_int x, int64_t *out) {
  if (py_int_is_small(x)) {
    *out = py_int_small_value(x);
    return true;
  }
  if (!mpz_fits_slong_p(py_int_big_value(x))) return false;
  *out = mpz_get_si(py_int_big_value(x));
  return true;
}

int64_t py_int_to_i64(py_int x) {
  int64_t value;
  if (py_int_get_i64(x, &value)) return value;
  rt_raise("OverflowError", "Python int too large to convert to C long");
  return 0;
}

int64_t py_int_to_index(py_int x) {
  int64_t value;
  if (py_int_get_i64(x, &value)) return value;
  rt_raise("IndexError", "cannot fit 'int' into an index-sized integer");
  return 0;
}


static int sign_of(py_int x) {
  if (py_int_is_small(x)) return (x > 0) - (x < 0);
  return mpz_sgn(py_int_big_value(x));
}

bool py_int_bits_fit(double bits) {
  if (bits <= PY_INT_MAX_BITS) return true;
  rt_raise("MemoryError", "");
  return false;
}

py_int py_int_gmp_binary(py_int a, py_int b, void (*operation)(mpz_ptr, mpz_srcptr, mpz_srcptr)) {
  py_int_view va, vb;
  mpz_t result;
  mpz_init(result);
  operation(result, py_int_view_of(a, &va), py_int_view_of(b, &vb));
  return py_int_from_mpz(result);
}

static py_int big_unary(py_int x, void (*operation)(mpz_ptr, mpz_srcptr)) {
  py_int_view view;
  mpz_t result;
  mpz_init(result);
  operation(result, py_int_view_of(x, &view));
  return py_int_from_mpz(result);
}

static bool both_small(py_int a, py_int b) { return ((a | b) & 1) == 0; }

/* ---- arithmetic ------------------------------------------------------------------------------- */

/* Two smalls' values are at most 63 bits: their sum, difference and bitwise results fit an int64_t. */
py_int py_int_add(py_int a, py_int b) {
  if (both_small(a, b)) return py_int_from_i64(py_int_small_value(a) + py_int_small_value(b));
  return py_int_gmp_binary(a, b, mpz_add);
}

py_int py_int_sub(py_int a, py_int b) {
  if (both_small(a, b)) return py_int_from_i64(py_int_small_value(a) - py_int_small_value(b));
  return py_int_gmp_binary(a, b, mpz_sub);
}

py_int py_int_mul(py_int a, py_int b) {
  if (both_small(a, b)) return from_i128((__int128)py_int_small_value(a) * py_int_small_value(b));
  return py_int_gmp_binary(a, b, mpz_mul);
}

static bool division_by_zero(py_int divisor, const char *message) {
  if (divisor != 0) return false;
  rt_raise("ZeroDivisionError", message);
  return true;
}

static const char DIVISION_BY_ZERO[] = "integer division or modulo by zero";

/* Python's division floors: the remainder takes the divisor's sign (GMP's fdiv). */
py_int py_int_divmod(py_int a, py_int b, py_int *remainder) {
  *remainder = 0;
  if (division_by_zero(b, DIVISION_BY_ZERO)) return 0;
  if (both_small(a, b)) {
    int64_t x = py_int_small_value(a), y = py_int_small_value(b);
    int64_t q = x / y, r = x % y;
    if (r != 0 && (r < 0) != (y < 0)) {
      q--;
      r += y;
    }
    *remainder = small(r);
    return py_int_from_i64(q);
  }
  py_int_view va, vb;
  mpz_t q, r;
  mpz_inits(q, r, NULL);
  mpz_fdiv_qr(q, r, py_int_view_of(a, &va), py_int_view_of(b, &vb));
  *remainder = py_int_from_mpz(r);
  return py_int_from_mpz(q);
}

py_int py_int_floordiv(py_int a, py_int b) {
  py_int remainder;
  py_int quotient = py_int_divmod(a, b, &remainder);
  py_int_release(remainder);
  return quotient;
}

py_int py_int_mod(py_int a, py_int b) {
  if (division_by_zero(b, "integer modulo by zero")) return 0;
  py_int remainder;
  py_int quotient = py_int_divmod(a, b, &remainder);
  py_int_release(quotient);
  return remainder;
}

py_int py_int_neg(py_int x) {
  if (py_int_is_small(x)) return py_int_from_i64(-py_int_small_value(x));
  return big_unary(x, mpz_neg);
}

py_int py_int_abs(py_int x) {
  if (sign_of(x) >= 0) {
    py_int_retain(x);
    return x;
  }
  return py_int_neg(x);
}

/* ~x == -x - 1: GMP's one's complement on its infinite two's-complement reading. */
py_int py_int_invert(py_int x) {
  if (py_int_is_small(x)) return small(~py_int_small_value(x));
  return big_unary(x, mpz_com);
}

py_int py_int_and(py_int a, py_int b) {
  if (both_small(a, b)) return a & b;
  return py_int_gmp_binary(a, b, mpz_and);
}

py_int py_int_or(py_int a, py_int b) {
  if (both_small(a, b)) return a | b;
  return py_int_gmp_binary(a, b, mpz_ior);
}

py_int py_int_xor(py_int a, py_int b) {
  if (both_small(a, b)) return a ^ b;
  return py_int_gmp_binary(a, b, mpz_xor);
}

/* base ** exponent for exponent >= 0 (a negative exponent gives a float: the caller's business). */
py_int py_int_pow(py_int base, py_int exponent) {
  if (sign_of(exponent) < 0) {
    rt_raise("ValueError", "negative exponent for an integer power");
    return 0;
  }
  int64_t b = 0;
  bool base_small = py_int_get_i64(base, &b);
  if (base_small && b >= -1 && b <= 1) {
    if (exponent == 0) return small(1);
    if (b == -1) {
      py_int_view view;
      return small(mpz_odd_p(py_int_view_of(exponent, &view)) ? -1 : 1);
    }
    return small(b);
  }
  int64_t e;
  double bits = py_int_get_i64(exponent, &e) ? (double)(py_int_bit_length(base) - 1) * (double)e : INFINITY;
  if (!py_int_bits_fit(bits)) return 0;
  py_int_view view;
  mpz_t result;
  mpz_init(result);
  mpz_pow_ui(result, py_int_view_of(base, &view), (unsigned long)e);
  return py_int_from_mpz(result);
}

/* pow(base, exponent, modulus): the result takes the modulus's sign; a negative exponent raises the
 * base's inverse. CPython's order of checks: a zero modulus, then |modulus| == 1 gives 0 before any
 * inverse is looked for. */
py_int py_int_pow_mod(py_int base, py_int exponent, py_int modulus) {
  if (modulus == 0) {
    rt_raise("ValueError", "pow() 3rd argument cannot be 0");
    return 0;
  }
  py_int_view vb, ve, vm;
  mpz_t m, b, e, result;
  mpz_inits(m, b, e, result, NULL);
  mpz_abs(m, py_int_view_of(modulus, &vm));
  mpz_set(b, py_int_view_of(base, &vb));
  mpz_abs(e, py_int_view_of(exponent, &ve));
  bool ok = true;
  if (mpz_cmp_ui(m, 1) != 0) {
    if (sign_of(exponent) < 0 && !mpz_invert(b, b, m)) {
      rt_raise("ValueError", "base is not invertible for the given modulus");
      ok = false;
    } else {
      mpz_powm(result, b, e, m);
      if (sign_of(modulus) < 0 && mpz_sgn(result) != 0) mpz_sub(result, result, m);
    }
  }
  mpz_clears(m, b, e, NULL);
  if (!ok) {
    mpz_clear(result);
    return 0;
  }
  return py_int_from_mpz(result);
}

/* ---- shifts ----------------------------------------------------------------------------------- */

static bool negative_shift(py_int count) {
  if (sign_of(count) >= 0) return false;
  rt_raise("ValueError", "negative shift count");
  return true;
}

/* CPython sizes a shifted result in 30-bit digits: a size past what its object can hold is an
 * OverflowError (a count too large for its word shift saturates), anything less that cannot be
 * allocated a MemoryError. */
static bool left_shift_fits(py_int a, py_int count) {
  const int64_t max_digits = (INT64_MAX - 24) / 4, saturated = INT64_MAX / 4;
  py_int_view view;
  mpz_t word_shift;
  mpz_init(word_shift);
  int64_t rem_shift = (int64_t)mpz_fdiv_q_ui(word_shift, py_int_view_of(count, &view), 30);
  bool saturates = mpz_cmp_si(word_shift, saturated) >= 0;
  int64_t words = saturates ? saturated : mpz_get_si(word_shift);
  mpz_clear(word_shift);
  int64_t digits = (py_int_bit_length(a) + 29) / 30 + words + (!saturates && rem_shift != 0);
  if (digits > max_digits) {
    rt_raise("OverflowError", "too many digits in integer");
    return false;
  }
  return py_int_bits_fit((double)py_int_bit_length(a) + (double)words * 30 + (double)rem_shift);
}

py_int py_int_lshift(py_int a, py_int count) {
  if (negative_shift(count)) return 0;
  if (a == 0) return 0;
  if (!left_shift_fits(a, count)) return 0;
  int64_t bits = py_int_small_value(count);
  if (py_int_is_small(a) && bits < 64) return from_i128((__int128)py_int_small_value(a) * ((__int128)1 << bits));
  py_int_view view;
  mpz_t result;
  mpz_init(result);
  mpz_mul_2exp(result, py_int_view_of(a, &view), (mp_bitcnt_t)bits);
  return py_int_from_mpz(result);
}

/* An arithmetic shift: it floors, so what shifts everything out leaves 0 or -1. */
py_int py_int_rshift(py_int a, py_int count) {
  if (negative_shift(count)) return 0;
  int64_t bits;
  if (!py_int_get_i64(count, &bits) || bits >= py_int_bit_length(a)) return small(sign_of(a) < 0 ? -1 : 0);
  if (py_int_is_small(a)) return small(py_int_small_value(a) >> bits);
  mpz_t result;
  mpz_init(result);
  mpz_fdiv_q_2exp(result, py_int_big_value(a), (mp_bitcnt_t)bits);
  return py_int_from_mpz(result);
}

/* ---- comparison and hashing ------------------------------------------------------------------- */

int64_t py_int_compare(py_int a, py_int b) {
  if (both_small(a, b)) return (a > b) - (a < b);
  if (a == RT_ABSENT_WORD || b == RT_ABSENT_WORD) {
    /* None in a container of int | None, met by a sort or a comparison of containers. */
    rt_raisef("TypeError", "'<' not supported between instances of '%s' and '%s'",
              a == RT_ABSENT_WORD ? "NoneType" : "int", b == RT_ABSENT_WORD ? "NoneType" : "int");
    return 0;
  }
  py_int_view va, vb;
  int c = mpz_cmp(py_int_view_of(a, &va), py_int_view_of(b, &vb));
  return (c > 0) - (c < 0);
}

int64_t py_int_compare_f64(py_int a, double x) {
  if (isnan(x)) return 2;
  if (py_int_is_small(a)) return rt_compare_i64_f64(py_int_small_value(a), x);
  if (isinf(x)) return x > 0 ? -1 : 1;
  py_int_view va;
  int c = mpz_cmp_d(py_int_view_of(a, &va), x);
  return (c > 0) - (c < 0);
}

/* Normalised: a small never equals a big, so only two bigs need their values compared. */
bool py_int_eq(py_int a, py_int b) {
  if (a == b) return true;
  if (py_int_is_small(a) || py_int_is_small(b) || a == RT_ABSENT_WORD || b == RT_ABSENT_WORD) return false;
  return mpz_cmp(py_int_big_value(a), py_int_big_value(b)) == 0;
}

/* CPython's: |x| modulo the Mersenne prime 2^61 - 1, with x's sign; -1 (an error there) is -2. */
int64_t py_int_hash(py_int x) {
  if (py_int_is_small(x)) return py_hash_i64(py_int_small_value(x));
  if (x == RT_ABSENT_WORD) return py_hash_none();
  const uint64_t modulus = ((uint64_t)1 << 61) - 1;
  py_int_view view;
  int64_t h = (int64_t)mpz_tdiv_ui(py_int_view_of(x, &view), modulus);
  if (sign_of(x) < 0) h = -h;
  return h == -1 ? -2 : h;
}

int64_t py_int_bit_length(py_int x) {
  if (x == 0) return 0;
  py_int_view view;
  return (int64_t)mpz_sizeinbase(py_int_view_of(x, &view), 2);
}

/* ---- floats ----------------------------------------------------------------------------------- */

/* Correctly rounded (half to even) as CPython's PyLong_AsDouble: the top 55 bits and a sticky bit
 * for the rest round once when converted. */
double py_int_to_f64(py_int x) {
  if (py_int_is_small(x)) return (double)py_int_small_value(x);
  mpz_srcptr value = py_int_big_value(x);
  int64_t bits = (int64_t)mpz_sizeinbase(value, 2);
  int64_t shift = bits - 55;
  mpz_t top;
  mpz_init(top);
  mpz_tdiv_q_2exp(top, value, (mp_bitcnt_t)shift);
  uint64_t q = mpz_getlimbn(top, 0);
  if ((int64_t)mpz_scan1(value, 0) < shift) q |= 1;
  mpz_clear(top);
  double r = shift > DBL_MAX_EXP ? INFINITY : ldexp((double)q, (int)shift);
  if (isinf(r)) {
    rt_raise("OverflowError", "int too large to convert to float");
    return 0.0;
  }
  return mpz_sgn(value) < 0 ? -r : r;
}

py_int py_int_from_f64(double x) {
  if (isnan(x)) {
    rt_raise("ValueError", "cannot convert float NaN to integer");
    return 0;
  }
  if (isinf(x)) {
    rt_raise("OverflowError", "cannot convert float infinity to integer");
    return 0;
  }
  if (fabs(x) < 4e18) return py_int_from_i64((int64_t)x);
  mpz_t value;
  mpz_init_set_d(value, x);
  return py_int_from_mpz(value);
}

/* a / b correctly rounded from the exact quotient, as CPython's long_true_divide: the quotient of
 * the magnitudes to 55 bits (fewer where the result is subnormal) and a sticky bit, rounded half to
 * even by hand to the bits the result keeps, then scaled exactly. */
double py_int_true_divide(py_int a, py_int b) {
  if (b == 0) {
    rt_raise("ZeroDivisionError", "division by zero");
    return 0.0;
  }
  bool negative = (sign_of(a) < 0) != (sign_of(b) < 0);
  int64_t a_bits = py_int_bit_length(a), b_bits = py_int_bit_length(b);
  if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG)
    return (double)py_int_small_value(a) / (double)py_int_small_value(b);
  int64_t diff = a_bits - b_bits;
  if (a == 0 || diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negative ? -0.0 : 0.0;
  if (diff > DBL_MAX_EXP) goto overflow;
  int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  py_int_view va, vb;
  mpz_t n, d, q, r;
  mpz_inits(n, d, q, r, NULL);
  mpz_abs(n, py_int_view_of(a, &va));
  mpz_abs(d, py_int_view_of(b, &vb));
  bool inexact = false;
  if (shift > 0) {
    inexact = (int64_t)mpz_scan1(n, 0) < shift;
    mpz_tdiv_q_2exp(n, n, (mp_bitcnt_t)shift);
  } else {
    mpz_mul_2exp(n, n, (mp_bitcnt_t)-shift);
  }
  mpz_tdiv_qr(q, r, n, d);
  if (mpz_sgn(r) != 0) inexact = true;
  int64_t q_bits = (int64_t)mpz_sizeinbase(q, 2);
  uint64_t x = mpz_getlimbn(q, 0);
  mpz_clears(n, d, q, r, NULL);
  int64_t extra_bits = (q_bits > DBL_MIN_EXP - shift ? q_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  uint64_t mask = (uint64_t)1 << (extra_bits - 1);
  uint64_t low = x | inexact;
  if ((low & mask) && (low & (3 * mask - 1))) x += mask;
  x &= ~(2 * mask - 1);
  double dx = (double)x;
  if (shift + q_bits >= DBL_MAX_EXP && (shift + q_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)q_bits)))
    goto overflow;
  double result = ldexp(dx, (int)shift);
  return negative ? -result : result;
overflow:
  rt_raise("OverflowError", "integer division result too large for a float");
  return 0.0;
}

/* ---- text ------------------------------------------------------------------------------------- */

char *py_int_magnitude_digits(py_int x, int base) {
  if (py_int_is_small(x)) {
    char reversed[64], *digits = rt_malloc(64);
    int n = 0;
    uint64_t magnitude = x < 0 ? 0 - (uint64_t)py_int_small_value(x) : (uint64_t)py_int_small_value(x);
    do {
      reversed[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[magnitude % (uint64_t)base];
      magnitude /= (uint64_t)base;
    } while (magnitude != 0);
    for (int i = 0; i < n; i++) digits[i] = reversed[n - 1 - i];
    digits[n] = '\0';
    return digits;
  }
  py_int_view view;
  mpz_srcptr value = py_int_view_of(x, &view);
  /* 10^4300 < 2^14286: more bits are more digits than the limit, known without converting. */
  bool too_long = base == 10 && mpz_sizeinbase(value, 2) > 14300;
  char *digits = too_long ? NULL : mpz_get_str(NULL, base, value);
  if (digits != NULL && digits[0] == '-') memmove(digits, digits + 1, strlen(digits));
  if (base == 10 && (too_long || strlen(digits) > PY_INT_MAX_STR_DIGITS)) {
    free(digits);
    rt_raisef("ValueError",
              "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to "
              "increase the limit",
              PY_INT_MAX_STR_DIGITS);
    return NULL;
  }
  return digits;
}

rt_str *py_int_to_str(py_int x) {
  if (py_int_is_small(x)) return rt_i64_to_str(py_int_small_value(x));
  if (x == RT_ABSENT_WORD) return rt_str_from_cstr("None");
  char *digits = py_int_magnitude_digits(x, 10);
  if (digits == NULL) return NULL;
  rt_buf text = {0};
  if (sign_of(x) < 0) rt_buf_putc(&text, '-');
  rt_buf_puts(&text, digits);
  free(digits);
  return rt_buf_to_str(&text);
}
