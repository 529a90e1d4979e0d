/*
 * Python's arithmetic beyond the IR's instructions (int(float), float ** float, int / int, pow with a
 * modulus, round) and the math module, with CPython's semantics and error messages ("math domain
 * error" ValueError, "math range error" OverflowError, ...). Results of 64-bit integer functions that
 * do not fit raise the configured integer-overflow error.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_int_internal.h"

static double domain_error(void) {
  rt_raise("ValueError", "math domain error");
  return 0.0;
}

static double range_error(void) {
  rt_raise("OverflowError", "math range error");
  return 0.0;
}

/* CPython's math_1: a NaN from a non-NaN argument is a domain error; an infinity from a finite
 * argument is an overflow (for functions that can overflow) or a singularity (domain error). */
static double checked_1(double x, double r, bool can_overflow) {
  if (isnan(r) && !isnan(x)) return domain_error();
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
  return r;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* Python's float ** float (float_pow). */
double py_f64_pow(double a, double b) {
  if (b == 0.0) return 1.0;
  if (isnan(a)) return a;
  if (isnan(b)) return a == 1.0 ? 1.0 : b;
  if (isinf(b)) {
    double m = fabs(a);
    if (m == 1.0) return 1.0;
    return (b > 0.0) == (m > 1.0) ? fabs(b) : 0.0;
  }
  if (isinf(a)) {
    bool odd = is_odd_integer(b);
    if (b > 0.0) return odd ? a : fabs(a);
    return odd ? copysign(0.0, a) : 0.0;
  }
  if (a == 0.0) {
    if (b < 0.0) {
      rt_raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
      return 0.0;
    }
    return is_odd_integer(b) ? a : 0.0;
  }
  bool negate = false;
  if (a < 0.0) {
    if (b != floor(b)) {
      rt_raise("ValueError",
               "a negative number raised to a fractional power has a complex result; complex numbers are not "
               "supported yet");
      return 0.0;
    }
    a = -a;
    negate = is_odd_integer(b);
  }
  if (a == 1.0) return negate ? -1.0 : 1.0;
  double r = pow(a, b);
  if (isinf(r)) {
    rt_raise("OverflowError", "(34, 'Numerical result out of range')");
    return 0.0;
  }
  return negate ? -r : r;
}



static uint64_t mul_mod(uint64_t a, uint64_t b, uint64_t m) { return (uint64_t)((unsigned __int128)a * b % m); }


/* round(x): half to even, as an int. */
py_int py_f64_round_to_int(double x) { return py_int_from_f64(nearbyint(x)); }

/* Increments a string of decimal digits in place; returns true if it carried out of the top. */
static bool increment_digits(char *digits, size_t n) {
  for (size_t i = n; i-- > 0;) {
    if (digits[i] != '9') {
      digits[i]++;
      return false;
    }
    digits[i] = '0';
  }
  return true;
}

/* round(x, ndigits): CPython's double_round, correctly rounded half to even on the exact binary
 * value, then read back; OverflowError when the rounded value is too large. */
double py_f64_round_digits(double x, int64_t ndigits) {
  if (!isfinite(x)) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0.0 * x;
  if (x == 0.0) return x;
  double magnitude = fabs(x);
  char *text;
  if (ndigits >= 0) {
    size_t size = (size_t)ndigits + 400;
    text = rt_malloc(size + 8);
    text[0] = x < 0 ? '-' : '+';
    snprintf(text + 1, size, "%.*f", (int)ndigits, magnitude);
  } else {
    size_t k = (size_t)(-ndigits);
    double whole = trunc(magnitude);
    bool sticky = whole != magnitude;
    char digits[400];
    snprintf(digits, sizeof digits, "%.0f", whole);
    size_t length = strlen(digits);
    text = rt_malloc(length + 32);
    if (length < k) {
      snprintf(text, length + 32, "%c0", x < 0 ? '-' : '+');
    } else {
      size_t head = length - k;
      const char *tail = digits + head;
      int cmp = tail[0] - '5';
      for (size_t i = 1; cmp == 0 && i < k; i++) cmp = tail[i] != '0';
      if (cmp == 0 && sticky) cmp = 1;
      bool up = cmp > 0 || (cmp == 0 && head > 0 && (digits[head - 1] - '0') % 2 == 1);
      char kept[400];
      kept[0] = '0';
      memcpy(kept + 1, digits, head);
      kept[head + 1] = '\0';
      if (up) increment_digits(kept, head + 1);
      snprintf(text, length + 32, "%c%se%zu", x < 0 ? '-' : '+', kept, k);
    }
  }
  double rounded = strtod(text, NULL);
  free(text);
  if (isinf(rounded)) {
    rt_raise("OverflowError", "rounded value too large to represent");
    return 0.0;
  }
  return rounded;
}


/* ---- the math module ------------------------------------------------------------------------------ */

#define MATH_1(name, cfunc, can_overflow) \
  double py_math_##name(double x) { return checked_1(x, cfunc(x), can_overflow); }

MATH_1(sqrt, sqrt, false)
MATH_1(exp, exp, true)
MATH_1(exp2, exp2, true)
MATH_1(expm1, expm1, true)
MATH_1(log2, log2, false)
MATH_1(log10, log10, false)
MATH_1(log1p, log1p, false)
MATH_1(sin, sin, false)
MATH_1(cos, cos, false)
MATH_1(tan, tan, false)
MATH_1(asin, asin, false)
MATH_1(acos, acos, false)
MATH_1(atan, atan, false)
MATH_1(sinh, sinh, true)
MATH_1(cosh, cosh, true)
MATH_1(tanh, tanh, false)
MATH_1(asinh, asinh, false)
MATH_1(acosh, acosh, false)
MATH_1(atanh, atanh, false)
MATH_1(cbrt, cbrt, false)
MATH_1(erf, erf, false)
MATH_1(erfc, erfc, false)

double py_math_log(double x) { return checked_1(x, log(x), false); }

double py_math_log_base(double x, double base) {
  double num = py_math_log(x);
  if (rt_error_pending) return 0.0;
  double den = py_math_log(base);
  if (rt_error_pending) return 0.0;
  if (den == 0.0) {
    rt_raise("ZeroDivisionError", "float division by zero");
    return 0.0;
  }
  return num / den;
}

double py_math_fabs(double x) { return fabs(x); }

static const double pi = 3.141592653589793238462643383279502884197;

double py_math_degrees(double x) { return x * (180.0 / pi); }
double py_math_radians(double x) { return x * (pi / 180.0); }

/* Gamma and log-gamma as CPython computes them (not the C library's): a Lanczos approximation
 * with the g = 6.0246800407767296 coefficients of Boost's lanczos13m53, exact factorials for small
 * integers, and the reflection formula for negative arguments; so results agree to the last bit. */
enum { LANCZOS_N = 13 };
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
static const double lanczos_den[LANCZOS_N] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                              45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                              1925.0,     66.0,       1.0};
static const double small_factorials[23] = {1.0,
                                            1.0,
                                            2.0,
                                            6.0,
                                            24.0,
                                            120.0,
                                            720.0,
                                            5040.0,
                                            40320.0,
                                            362880.0,
                                            3628800.0,
                                            39916800.0,
                                            479001600.0,
                                            6227020800.0,
                                            87178291200.0,
                                            1307674368000.0,
                                            20922789888000.0,
                                            355687428096000.0,
                                            6402373705728000.0,
                                            121645100408832000.0,
                                            2432902008176640000.0,
                                            51090942171709440000.0,
                                            1124000727777607680000.0};
static const double log_pi = 1.144729885849400174143427351353058711647;

/* The rational function of the Lanczos approximation; in 1/x for larger x to avoid overflow. */
static double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = LANCZOS_N; --i >= 0;) {
      num = num * x + lanczos_num[i];
      den = den * x + lanczos_den[i];
    }
  } else {
    for (int i = 0; i < LANCZOS_N; i++) {
      num = num / x + lanczos_num[i];
      den = den / x + lanczos_den[i];
    }
  }
  return num / den;
}

/* sin(pi * x), exact at multiples of 1/2. */
static double sin_pi(double x) {
  double y = fmod(fabs(x), 2.0);
  double r;
  switch ((int)round(2.0 * y)) {
    case 0:
      r = sin(pi * y);
      break;
    case 1:
      r = cos(pi * (y - 0.5));
      break;
    case 2:
      r = sin(pi * (1.0 - y));
      break;
    case 3:
      r = -cos(pi * (y - 1.5));
      break;
    default:
      r = sin(pi * (y - 2.0));
      break;
  }
  return copysign(1.0, x) * r;
}

double py_math_gamma(double x) {
  if (!isfinite(x)) return isnan(x) || x > 0.0 ? x : domain_error();
  if (x == 0.0) return domain_error();
  if (x == floor(x)) {
    if (x < 0.0) return domain_error();
    if (x <= 23) return small_factorials[(int)x - 1];
  }
  double absx = fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    return isinf(r) ? range_error() : r;
  }
  if (absx > 200.0) return x < 0.0 ? 0.0 / sin_pi(x) : range_error();
  double y = absx + lanczos_g_minus_half;
  double z;
  /* The rounding error of y, recovered exactly (needs strict floating point). */
  if (absx > lanczos_g_minus_half) {
    double q = y - absx;
    z = q - lanczos_g_minus_half;
  } else {
    double q = y - lanczos_g_minus_half;
    z = q - absx;
  }
  z = z * lanczos_g / y;
  double r;
  if (x < 0.0) {
    r = -pi / sin_pi(absx) / absx * exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= pow(y, absx - 0.5);
    } else {
      double half = pow(y, absx / 2.0 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(absx) / exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= pow(y, absx - 0.5);
    } else {
      double half = pow(y, absx / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  return isinf(r) ? range_error() : r;
}

double py_math_lgamma(double x) {
  if (!isfinite(x)) return isnan(x) ? x : INFINITY;
  if (x == floor(x) && x <= 2.0) return x <= 0.0 ? domain_error() : 0.0;
  double absx = fabs(x);
  if (absx < 1e-20) return -log(absx);
  double r = log(lanczos_sum(absx)) - lanczos_g;
  r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
  if (x < 0.0) r = log_pi - log(fabs(sin_pi(absx))) - log(absx) - r;
  return isinf(r) ? range_error() : r;
}

double py_math_atan2(double y, double x) { return atan2(y, x); }

double py_math_copysign(double x, double y) { return copysign(x, y); }

/* Double-length arithmetic for hypot: a value as an unevaluated sum hi + lo. */
typedef struct {
  double hi, lo;
} double_length;

/* a + b exactly, for |a| >= |b|. */
static double_length fast_two_sum(double a, double b) {
  double x = a + b;
  return (double_length){x, (a - x) + b};
}

/* x * y exactly, by Veltkamp's splitting and Dekker's product (no fused multiply-add). */
static double_length split(double x) {
  double t = x * 134217729.0; /* 2**27 + 1 */
  double hi = t - (t - x);
  return (double_length){hi, x - hi};
}

static double_length two_product(double x, double y) {
  double_length a = split(x), b = split(y);
  double p = a.hi * b.hi;
  double q = a.hi * b.lo + a.lo * b.hi;
  double z = p + q;
  return (double_length){z, p - z + q + a.lo * b.lo};
}

/* math.hypot as CPython 3.11 computes it (vector_norm), not the C library's hypot: the operands
 * scaled by a power of two below 1, squared and summed with their rounding errors carried, the
 * square root then corrected once, so the last bit agrees. */
static double vector_norm_2(double x, double y) {
  double max = x > y ? x : y;
  if (max == 0.0) return max;
  int max_e;
  frexp(max, &max_e);
  double values[2] = {x, y};
  if (max_e < -1023) {
    /* Too small to scale by a power of two: divide by the maximum instead. */
    double csum = 1.0, frac = 0.0;
    for (int i = 0; i < 2; i++) {
      double v = values[i] / max;
      v = v * v;
      double old = csum;
      csum += v;
      frac += (old - csum) + v;
    }
    return max * sqrt(csum - 1.0 + frac);
  }
  double scale = ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (int i = 0; i < 2; i++) {
    double v = values[i] * scale;
    double_length square = two_product(v, v);
    double_length sum = fast_two_sum(csum, square.hi);
    csum = sum.hi;
    frac1 += square.lo;
    frac2 += sum.lo;
  }
  double h = sqrt(csum - 1.0 + (frac1 + frac2));
  double_length square = two_product(-h, h);
  double_length sum = fast_two_sum(csum, square.hi);
  csum = sum.hi;
  frac1 += square.lo;
  frac2 += sum.lo;
  double correction = csum - 1.0 + (frac1 + frac2);
  h += correction / (2.0 * h);
  return h / scale;
}

double py_math_hypot(double x, double y) {
  x = fabs(x);
  y = fabs(y);
  if (isinf(x) || isinf(y)) return INFINITY;
  if (isnan(x) || isnan(y)) return NAN;
  return vector_norm_2(x, y);
}

double py_math_fmod(double x, double y) {
  if (isinf(y) && isfinite(x)) return x;
  double r = fmod(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
  return r;
}

/* math.pow: like ** but errors are ValueError/OverflowError "math ..." and 0.0**-1 is a domain error. */
double py_math_pow(double x, double y) {
  double r;
  bool domain = false, range = false;
  if (!isfinite(x) || !isfinite(y)) {
    if (isnan(x))
      r = y == 0.0 ? 1.0 : x;
    else if (isnan(y))
      r = x == 1.0 ? 1.0 : y;
    else if (isinf(x)) {
      bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
      if (y > 0.0)
        r = odd_y ? x : fabs(x);
      else if (y == 0.0)
        r = 1.0;
      else
        r = odd_y ? copysign(0.0, x) : 0.0;
    } else {
      if (fabs(x) == 1.0)
        r = 1.0;
      else if (y > 0.0 && fabs(x) > 1.0)
        r = y;
      else if (y < 0.0 && fabs(x) < 1.0)
        r = -y;
      else
        r = 0.0;
    }
  } else {
    r = pow(x, y);
    if (!isfinite(r)) {
      if (isnan(r))
        domain = true;
      else if (x == 0.0)
        domain = true;
      else
        range = true;
    }
  }
  if (domain) return domain_error();
  if (range) return range_error();
  return r;
}

double py_math_ldexp(double x, int64_t i) {
  if (x == 0.0 || !isfinite(x)) return x;
  if (i > INT32_MAX) return range_error();
  if (i < INT32_MIN) return copysign(0.0, x);
  double r = ldexp(x, (int)i);
  if (isinf(r)) return range_error();
  return r;
}

double py_math_nextafter(double x, double y) { return nextafter(x, y); }

double py_math_ulp(double x) {
  if (isnan(x)) return x;
  x = fabs(x);
  if (isinf(x)) return x;
  double next = nextafter(x, INFINITY);
  if (isinf(next)) return x - nextafter(x, -INFINITY);
  return next - x;
}

py_int py_math_floor(double x) { return py_int_from_f64(floor(x)); }
py_int py_math_ceil(double x) { return py_int_from_f64(ceil(x)); }
py_int py_math_trunc(double x) { return py_int_from_f64(trunc(x)); }

bool py_math_isnan(double x) { return isnan(x); }
bool py_math_isinf(double x) { return isinf(x); }
bool py_math_isfinite(double x) { return isfinite(x); }

bool py_math_isclose(double a, double b, double rel_tol, double abs_tol) {
  if (rel_tol < 0.0 || abs_tol < 0.0) {
    rt_raise("ValueError", "tolerances must be non-negative");
    return false;
  }
  if (a == b) return true;
  if (isinf(a) || isinf(b)) return false;
  double diff = fabs(b - a);
  return ((diff <= fabs(rel_tol * b)) || (diff <= fabs(rel_tol * a))) || (diff <= abs_tol);
}

