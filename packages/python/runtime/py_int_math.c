/*
 * The math module's functions of ints (gcd, lcm, isqrt, factorial, comb, perm) on ints of any size,
 * with CPython 3.11's errors. The 64-bit versions in py_math.c call these and narrow the result.
 */
#include <math.h>

#include "py_int_internal.h"

py_int py_int_gcd(py_int a, py_int b) { return py_int_gmp_binary(a, b, mpz_gcd); }

py_int py_int_lcm(py_int a, py_int b) { return py_int_gmp_binary(a, b, mpz_lcm); }

static bool negative(py_int x) { return py_int_compare(x, 0) < 0; }

py_int py_int_isqrt(py_int n) {
  if (negative(n)) {
    rt_raise("ValueError", "isqrt() argument must be nonnegative");
    return 0;
  }
  py_int_view view;
  mpz_t root;
  mpz_init(root);
  mpz_sqrt(root, py_int_view_of(n, &view));
  return py_int_from_mpz(root);
}

/* n! has more than n (log2(n) - 1.5) bits: the size check before the work. */
static bool factorial_fits(int64_t n) { return py_int_bits_fit((double)n * (log2((double)n + 1) - 1.5)); }

py_int py_int_factorial(py_int n) {
  int64_t value;
  if (!py_int_get_i64(n, &value) && !negative(n)) {
    rt_raisef("OverflowError", "factorial() argument should not exceed %lld", (long long)INT64_MAX);
    return 0;
  }
  if (negative(n)) {
    rt_raise("ValueError", "factorial() not defined for negative values");
    return 0;
  }
  if (!factorial_fits(value)) return 0;
  mpz_t result;
  mpz_init(result);
  mpz_fac_ui(result, (unsigned long)value);
  return py_int_from_mpz(result);
}

static bool check_nk(py_int n, py_int k) {
  if (negative(n)) {
    rt_raise("ValueError", "n must be a non-negative integer");
    return false;
  }
  if (negative(k)) {
    rt_raise("ValueError", "k must be a non-negative integer");
    return false;
  }
  return true;
}

/* n! / (n - k)! / k! with k already min(k, n - k) and 0 <= k <= n. */
static void binomial(mpz_ptr result, mpz_srcptr n, int64_t k) { mpz_bin_ui(result, n, (unsigned long)k); }

py_int py_int_comb(py_int n, py_int k) {
  if (!check_nk(n, k)) return 0;
  py_int smaller = py_int_sub(n, k);
  if (negative(smaller)) {
    py_int_release(smaller);
    return 0;
  }
  if (py_int_compare(k, smaller) < 0) {
    py_int_release(smaller);
    smaller = k;
    py_int_retain(smaller);
  }
  int64_t factors;
  bool fits = py_int_get_i64(smaller, &factors);
  py_int_release(smaller);
  if (!fits) {
    rt_raisef("OverflowError", "min(n - k, k) must not exceed %lld", (long long)INT64_MAX);
    return 0;
  }
  /* C(n, k) >= 2^k where k <= n - k. */
  if (!py_int_bits_fit((double)factors)) return 0;
  py_int_view view;
  mpz_t result;
  mpz_init(result);
  binomial(result, py_int_view_of(n, &view), factors);
  return py_int_from_mpz(result);
}

/* perm(n, k) == comb(n, k) * k! */
py_int py_int_perm(py_int n, py_int k) {
  if (!check_nk(n, k)) return 0;
  if (py_int_compare(n, k) < 0) return 0;
  int64_t factors;
  if (!py_int_get_i64(k, &factors)) {
    rt_raisef("OverflowError", "k must not exceed %lld", (long long)INT64_MAX);
    return 0;
  }
  if (!factorial_fits(factors)) return 0;
  py_int_view view;
  mpz_t result, factorial;
  mpz_inits(result, factorial, NULL);
  binomial(result, py_int_view_of(n, &view), factors);
  mpz_fac_ui(factorial, (unsigned long)factors);
  mpz_mul(result, result, factorial);
  mpz_clear(factorial);
  return py_int_from_mpz(result);
}

/* round(x, ndigits) for an int (int___round___impl): x itself for ndigits >= 0, else the nearest
 * multiple of 10**-ndigits, ties to the even multiple. */
py_int py_int_round_digits(py_int x, int64_t ndigits) {
  if (ndigits >= 0) {
    py_int_retain(x);
    return x;
  }
  py_int_view view;
  mpz_srcptr value = py_int_view_of(x, &view);
  /* 10**n exceeds any int that fits in memory long before n does; beyond, the result is 0. */
  if (ndigits < -(int64_t)(mpz_sizeinbase(value, 10) + 1)) return py_int_from_i64(0);
  mpz_t power, quotient, remainder;
  mpz_init(power);
  mpz_ui_pow_ui(power, 10, (unsigned long)-ndigits);
  mpz_init(quotient);
  mpz_init(remainder);
  mpz_fdiv_qr(quotient, remainder, value, power);
  /* quotient = floor(x / p), 0 <= remainder < p: round up past half, and at half to an even quotient. */
  mpz_mul_2exp(remainder, remainder, 1);
  int half = mpz_cmp(remainder, power);
  if (half > 0 || (half == 0 && mpz_odd_p(quotient))) mpz_add_ui(quotient, quotient, 1);
  mpz_mul(quotient, quotient, power);
  mpz_clear(power);
  mpz_clear(remainder);
  return py_int_from_mpz(quotient);
}
