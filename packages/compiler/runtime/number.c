/* Float arithmetic LLVM has no instruction for: the IR's floored division and remainder, and the
 * exact comparison of an int with a float. */
#include <math.h>

#include "runtime.h"

double rt_f64_abs(double x) { return fabs(x); }

/* The remainder takes the divisor's sign and the quotient, computed from it, is snapped to the
 * nearest integer, so that a == b * q + r holds as closely as doubles allow. The caller has excluded
 * a zero divisor. */
double rt_f64_floordiv(double a, double b) {
  double mod = fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) div -= 1.0;
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, a / b);
  }
  return floordiv;
}

double rt_f64_mod(double a, double b) {
  double mod = fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = copysign(0.0, b);
  }
  return mod;
}

/* -1, 0 or 1 as a is less than, equal to or greater than x, and 2 when x is NaN. */
int64_t rt_compare_i64_f64(int64_t a, double x) {
  if (isnan(x)) return 2;
  if (x >= 9223372036854775808.0) return -1;
  if (x < -9223372036854775808.0) return 1;
  double whole = trunc(x);
  int64_t w = (int64_t)whole;
  if (a != w) return a < w ? -1 : 1;
  double fraction = x - whole;
  return fraction > 0.0 ? -1 : fraction < 0.0 ? 1 : 0;
}
