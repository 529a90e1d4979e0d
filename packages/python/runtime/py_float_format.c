/*
 * Python-flavoured float to text: repr() (the shortest string that reads back as the same double)
 * and CPython's PyOS_double_to_string layout for the 'e', 'f', 'g' and repr formats.
 *
 * Digits come from the C library, whose printf is correctly rounded (round-half-even on the exact
 * binary value), the same digits David Gay's dtoa gives CPython:
 *  - shortest: the fewest significant digits p whose correctly rounded p-digit decimal reads back
 *    as x (plus, at powers of two where the rounding interval is lopsided, the next p-digit decimal
 *    above x);
 *  - fixed significant digits: "%.*e";
 *  - fixed digits after the point: "%.*f".
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_runtime.h"

/* Digits without sign, point or exponent, trailing zeros removed; `decpt` is where the decimal point
 * goes relative to the first digit (value = 0.DIGITS * 10**decpt). An empty digit string is zero
 * after rounding (mode 'f' only). */
typedef struct {
  char *digits;
  int length;
  int decpt;
} decimal_digits;

static void strip_trailing_zeros(decimal_digits *d) {
  while (d->length > 0 && d->digits[d->length - 1] == '0') d->length--;
  d->digits[d->length] = '\0';
}

/* Parses "d.ddde+XX" as printed by %.*e into digits and decpt. */
static void from_exponent_form(const char *text, decimal_digits *d) {
  int n = 0;
  const char *p = text;
  for (; *p != 'e'; p++) {
    if (*p != '.') d->digits[n++] = *p;
  }
  d->length = n;
  d->decpt = atoi(p + 1) + 1;
  d->digits[n] = '\0';
  strip_trailing_zeros(d);
}

static bool reads_back(const char *text, double x) { return strtod(text, NULL) == x; }

/* Writes digits[0..n) * 10**(decpt - n) as "d.ddde+X" for strtod. */
static void scientific_text(const char *digits, int n, int decpt, char *out) {
  char *p = out;
  *p++ = digits[0];
  if (n > 1) {
    *p++ = '.';
    memcpy(p, digits + 1, (size_t)(n - 1));
    p += n - 1;
  }
  *p++ = 'e';
  int e = decpt - 1;
  if (e < 0) {
    *p++ = '-';
    e = -e;
  }
  char reversed[8];
  int k = 0;
  do {
    reversed[k++] = (char)('0' + e % 10);
    e /= 10;
  } while (e != 0);
  while (k > 0) *p++ = reversed[--k];
  *p = '\0';
}

/*
 * The correctly rounded p-digit decimal of x, derived from its 17-digit rounding (one printf for
 * all p). Rounding that rounding again gives the same digits unless the dropped tail is exactly
 * 5000...: then x itself decides, and printf is asked. Returns the digit count (trailing zeros kept
 * out) and sets *decpt.
 */
static int round_to_precision(double x, const char *d17, int decpt17, int p, char *digits, int *decpt) {
  memcpy(digits, d17, (size_t)p);
  *decpt = decpt17;
  if (p < 17) {
    char first = d17[p];
    bool rest_zero = true;
    for (int i = p + 1; i < 17; i++) rest_zero = rest_zero && d17[i] == '0';
    bool up;
    if (first == '5' && rest_zero) {
      char text[40];
      snprintf(text, sizeof text, "%.*e", p - 1, x);
      decimal_digits exact = {digits, 0, 0};
      from_exponent_form(text, &exact);
      *decpt = exact.decpt;
      return exact.length;
    }
    up = first > '5' || (first == '5' && !rest_zero);
    if (up) {
      int i = p - 1;
      while (i >= 0 && digits[i] == '9') digits[i--] = '0';
      if (i >= 0) {
        digits[i]++;
      } else {
        digits[0] = '1';
        (*decpt)++;
      }
    }
  }
  int n = p;
  while (n > 1 && digits[n - 1] == '0') n--;
  digits[n] = '\0';
  return n;
}

/* The shortest round-tripping digits of x > 0, finite. d->digits has room for 20 bytes. */
static void shortest_digits(double x, decimal_digits *d) {
  char text[40];
  /* Integers below 2**53 are their own shortest representation. */
  if (x < 9007199254740992.0 && x == floor(x)) {
    snprintf(text, sizeof text, "%.0f", x);
    d->length = (int)strlen(text);
    memcpy(d->digits, text, (size_t)d->length + 1);
    d->decpt = d->length;
    strip_trailing_zeros(d);
    return;
  }
  int exponent;
  double mantissa = frexp(x, &exponent);
  bool power_of_two = mantissa == 0.5 && x >= DBL_MIN;
  if (!power_of_two) {
    /* The rounding interval is symmetric: the nearest p-digit decimal round-trips whenever any
     * p-digit decimal does, and more digits never hurt, so the answer can be bisected. */
    char d17[24];
    snprintf(text, sizeof text, "%.16e", x);
    decimal_digits all = {d17, 0, 0};
    int n = 0;
    for (const char *q = text; *q != 'e'; q++) {
      if (*q != '.') d17[n++] = *q;
    }
    d17[n] = '\0';
    all.decpt = atoi(strchr(text, 'e') + 1) + 1;
    char candidate[24];
    /* Most computed values need 16 or 17 digits, literals few: split the search at 15. */
    int lo = 1, hi = 17;
    {
      int decpt;
      int length = round_to_precision(x, d17, all.decpt, 15, candidate, &decpt);
      scientific_text(candidate, length, decpt, text);
      if (reads_back(text, x))
        hi = 15;
      else
        lo = 16;
    }
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      int decpt;
      int length = round_to_precision(x, d17, all.decpt, mid, candidate, &decpt);
      scientific_text(candidate, length, decpt, text);
      if (reads_back(text, x))
        hi = mid;
      else
        lo = mid + 1;
    }
    d->length = round_to_precision(x, d17, all.decpt, lo, d->digits, &d->decpt);
    strip_trailing_zeros(d);
    return;
  }
  /* At a power of two the interval below x is half the one above: the nearest p-digit decimal may
   * fall short below while the next one up still reads back. */
  for (int p = 1; p <= 17; p++) {
    snprintf(text, sizeof text, "%.*e", p - 1, x);
    if (reads_back(text, x)) {
      from_exponent_form(text, d);
      return;
    }
    if (strtod(text, NULL) < x) {
      /* Increment the last digit of the mantissa, carrying. */
      char *e = strchr(text, 'e');
      char *q = e - 1;
      for (;;) {
        if (*q == '.') {
          q--;
          continue;
        }
        if (*q == '9') {
          *q = '0';
          if (q == text) break;
          q--;
          continue;
        }
        (*q)++;
        break;
      }
      if (text[0] == '0') {
        /* 9.99e+N rolled over to 0.00: the value is 1e+(N+1). */
        int exp10 = atoi(e + 1) + 1;
        snprintf(text, sizeof text, "1e%+d", exp10);
      }
      if (reads_back(text, x)) {
        if (text[1] == 'e') {
          d->digits[0] = '1';
          d->digits[1] = '\0';
          d->length = 1;
          d->decpt = atoi(text + 2) + 1;
        } else {
          from_exponent_form(text, d);
        }
        return;
      }
    }
  }
  snprintf(text, sizeof text, "%.16e", x);
  from_exponent_form(text, d);
}

/* `precision` significant digits (precision >= 1) of x > 0. */
static void significant_digits(double x, int precision, decimal_digits *d) {
  size_t size = (size_t)precision + 32;
  char *text = rt_malloc(size);
  snprintf(text, size, "%.*e", precision - 1, x);
  from_exponent_form(text, d);
  free(text);
}

/* `precision` digits after the point of x >= 0. */
static void fixed_digits(double x, int precision, decimal_digits *d) {
  size_t size = (size_t)precision + 400;
  char *text = rt_malloc(size);
  snprintf(text, size, "%.*f", precision, x);
  int n = 0, decpt = 0;
  bool seen_point = false;
  for (const char *p = text; *p != '\0'; p++) {
    if (*p == '.') {
      seen_point = true;
      continue;
    }
    d->digits[n++] = *p;
    if (!seen_point) decpt++;
  }
  free(text);
  int leading = 0;
  while (leading < n && d->digits[leading] == '0') leading++;
  memmove(d->digits, d->digits + leading, (size_t)(n - leading));
  d->length = n - leading;
  d->decpt = decpt - leading;
  d->digits[d->length] = '\0';
  strip_trailing_zeros(d);
  if (d->length == 0) d->decpt = -precision; /* rounds to zero: as Gay's dtoa reports it */
}

/*
 * CPython's PyOS_double_to_string(x, format_code, precision, flags): 'e' exponent, 'f' fixed,
 * 'g' general, 'r' repr; `upper` for E, F, G.
 */
char *py_double_to_string(double x, char format_code, int precision, int flags, bool upper) {
  bool add_dot_0 = (flags & PY_DTSF_ADD_DOT_0) != 0;
  bool alt = (flags & PY_DTSF_ALT) != 0;
  bool no_neg_0 = (flags & PY_DTSF_NO_NEG_0) != 0;
  if (isnan(x) || isinf(x)) {
    char *out = rt_malloc(8);
    const char *word = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    snprintf(out, 8, "%s%s", isinf(x) && x < 0 ? "-" : "", word);
    return out;
  }
  bool negative = signbit(x) != 0;
  double magnitude = fabs(x);
  if (format_code == 'e') precision++;
  if (format_code == 'g' && precision == 0) precision = 1;

  size_t digit_room = (size_t)(format_code == 'f' ? precision + 330 : (precision > 20 ? precision : 20)) + 8;
  decimal_digits d = {rt_malloc(digit_room), 0, 0};
  if (magnitude == 0.0) {
    d.digits[0] = '0';
    d.digits[1] = '\0';
    d.length = 1;
    d.decpt = 1;
  } else if (format_code == 'r') {
    shortest_digits(magnitude, &d);
  } else if (format_code == 'f') {
    fixed_digits(magnitude, precision, &d);
  } else {
    significant_digits(magnitude, precision, &d);
  }
  if (no_neg_0 && negative && (d.length == 0 || (d.length == 1 && d.digits[0] == '0'))) negative = false;

  /* The layout of format_float_short: a window [vstart, vend) of the digits padded with zeros on
   * both sides, a decimal point at decpt, and an optional exponent. */
  int decpt = d.decpt;
  int vend = d.length;
  bool use_exp = false;
  int exp10 = 0;
  switch (format_code) {
    case 'e':
      use_exp = true;
      vend = precision;
      break;
    case 'f':
      vend = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vend = precision;
      break;
    default: /* 'r' */
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  if (use_exp) {
    exp10 = decpt - 1;
    decpt = 1;
  }
  int vstart = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vend = vend > decpt ? vend : decpt + 1;
  else
    vend = vend > decpt ? vend : decpt;

  size_t size = 3 + (size_t)(vend - vstart) + 8;
  char *out = rt_malloc(size);
  char *p = out;
  if (negative) *p++ = '-';
  if (decpt <= 0) {
    memset(p, '0', (size_t)(decpt - vstart));
    p += decpt - vstart;
    *p++ = '.';
    memset(p, '0', (size_t)(0 - decpt));
    p += 0 - decpt;
  } else {
    memset(p, '0', (size_t)(0 - vstart));
    p += 0 - vstart;
  }
  if (0 < decpt && decpt <= d.length) {
    memcpy(p, d.digits, (size_t)decpt);
    p += decpt;
    *p++ = '.';
    memcpy(p, d.digits + decpt, (size_t)(d.length - decpt));
    p += d.length - decpt;
  } else {
    memcpy(p, d.digits, (size_t)d.length);
    p += d.length;
  }
  if (d.length < decpt) {
    memset(p, '0', (size_t)(decpt - d.length));
    p += decpt - d.length;
    *p++ = '.';
    memset(p, '0', (size_t)(vend - decpt));
    p += vend - decpt;
  } else {
    memset(p, '0', (size_t)(vend - d.length));
    p += vend - d.length;
  }
  if (p[-1] == '.' && !alt) p--;
  if (use_exp) {
    *p++ = upper ? 'E' : 'e';
    p += sprintf(p, "%+.02d", exp10);
  }
  *p = '\0';
  free(d.digits);
  return out;
}

/* repr(x) without allocating: the common case of printing a float. */
int py_float_repr(double x, char *out) {
  if (isnan(x) || isinf(x) || x == 0.0) {
    const char *text = isnan(x) ? "nan" : isinf(x) ? (x < 0 ? "-inf" : "inf") : signbit(x) ? "-0.0" : "0.0";
    strcpy(out, text);
    return (int)strlen(text);
  }
  char digits[24];
  decimal_digits d = {digits, 0, 0};
  shortest_digits(fabs(x), &d);
  char *p = out;
  if (x < 0) *p++ = '-';
  int decpt = d.decpt;
  if (decpt <= -4 || decpt > 16) {
    *p++ = digits[0];
    if (d.length > 1) {
      *p++ = '.';
      memcpy(p, digits + 1, (size_t)(d.length - 1));
      p += d.length - 1;
    }
    p += sprintf(p, "e%+.02d", decpt - 1);
  } else if (decpt <= 0) {
    *p++ = '0';
    *p++ = '.';
    memset(p, '0', (size_t)-decpt);
    p += -decpt;
    memcpy(p, digits, (size_t)d.length);
    p += d.length;
  } else if (decpt >= d.length) {
    memcpy(p, digits, (size_t)d.length);
    p += d.length;
    memset(p, '0', (size_t)(decpt - d.length));
    p += decpt - d.length;
    *p++ = '.';
    *p++ = '0';
  } else {
    memcpy(p, digits, (size_t)decpt);
    p += decpt;
    *p++ = '.';
    memcpy(p, digits + decpt, (size_t)(d.length - decpt));
    p += d.length - decpt;
  }
  *p = '\0';
  return (int)(p - out);
}
