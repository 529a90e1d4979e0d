/* Python's int(str), int(str, base) and float(str), with CPython's rules and error messages. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py_int_internal.h"

/* CPython first maps the text to ASCII (_PyUnicode_TransformDecimalAndSpaceToASCII): Unicode
 * decimal digits become '0'..'9', non-ASCII whitespace a space, other non-ASCII characters '?'. */
static char *to_ascii(rt_str *s, size_t *size) {
  char *out = rt_malloc((size_t)s->size + 1);
  size_t n = 0;
  const unsigned char *p = (const unsigned char *)s->data;
  const unsigned char *end = p + s->size;
  while (p < end) {
    uint32_t cp;
    p += rt_utf8_decode(p, &cp);
    if (cp < 128) {
      out[n++] = (char)cp;
    } else if (rt_unicode_is_space(cp)) {
      out[n++] = ' ';
    } else {
      int digit = rt_unicode_decimal(cp);
      out[n++] = digit >= 0 ? (char)('0' + digit) : '?';
    }
  }
  out[n] = '\0';
  *size = n;
  return out;
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/* Python's repr of s, cut to 200 code points as CPython's "%.200R" does. */
static char *repr_cut(rt_str *s, int64_t limit) {
  rt_buf b = {0};
  py_repr_utf8(&b, s->data, (size_t)s->size);
  rt_buf_putc(&b, '\0');
  if (limit >= 0) {
    int64_t seen = 0;
    size_t i = 0;
    for (; i < b.len - 1; i++) {
      if (((unsigned char)b.data[i] & 0xC0) != 0x80) {
        if (seen == limit) break;
        seen++;
      }
    }
    b.data[i] = '\0';
  }
  return b.data;
}

static void invalid_int_literal(rt_str *s, int base) {
  char *repr = repr_cut(s, 200);
  rt_raisef("ValueError", "invalid literal for int() with base %d: %s", base, repr);
  free(repr);
}

/* PyLong_FromString's grammar: whitespace, sign, an optional base prefix, digits with single
 * underscores between them, whitespace. The int of the digits without their underscores, or 0 after
 * raising ValueError. */
static py_int parse_int(rt_str *original, int base) {
  /* Errors name the base asked for, 0 included. */
  const int reported_base = base;
  size_t size;
  char *text = to_ascii(original, &size);
  const char *p = text;
  const char *end = text + size;
  bool negative = false;
  bool error_if_nonzero = false;
  while (p < end && is_space(*p)) p++;
  if (p < end && *p == '+') {
    p++;
  } else if (p < end && *p == '-') {
    p++;
    negative = true;
  }
  if (base == 0) {
    if (p[0] != '0')
      base = 10;
    else if (p[1] == 'x' || p[1] == 'X')
      base = 16;
    else if (p[1] == 'o' || p[1] == 'O')
      base = 8;
    else if (p[1] == 'b' || p[1] == 'B')
      base = 2;
    else {
      error_if_nonzero = true;
      base = 10;
    }
  }
  if (p[0] == '0' && ((base == 16 && (p[1] == 'x' || p[1] == 'X')) || (base == 8 && (p[1] == 'o' || p[1] == 'O')) ||
                      (base == 2 && (p[1] == 'b' || p[1] == 'B')))) {
    p += 2;
    if (*p == '_') p++;
  }
  /* The digits are copied over the text's start, which they never overtake. */
  char *digits = text;
  int64_t count = 0;
  bool nonzero = false;
  if (*p == '_') goto invalid;
  const char *start = p;
  char previous = 0;
  while (p < end && (digit_value(*p) < base || *p == '_')) {
    if (*p == '_') {
      if (previous == '_') goto invalid;
    } else {
      nonzero |= *p != '0';
      digits[count++] = *p;
    }
    previous = *p++;
  }
  if (previous == '_') goto invalid;
  if (p == start) goto invalid;
  if (count > PY_INT_MAX_STR_DIGITS && (base & (base - 1)) != 0) {
    free(text);
    rt_raisef("ValueError",
              "Exceeds the limit (%d digits) for integer string conversion: value has %lld digits; use "
              "sys.set_int_max_str_digits() to increase the limit",
              PY_INT_MAX_STR_DIGITS, (long long)count);
    return 0;
  }
  if (error_if_nonzero && nonzero) goto invalid;
  while (p < end && is_space(*p)) p++;
  if (p != end) goto invalid;
  digits[count] = '\0';
  mpz_t value;
  mpz_init_set_str(value, digits, base);
  if (negative) mpz_neg(value, value);
  free(text);
  return py_int_from_mpz(value);
invalid:
  free(text);
  invalid_int_literal(original, reported_base);
  return 0;
}

static bool valid_base(int64_t base) {
  if ((base == 0 || base >= 2) && base <= 36) return true;
  rt_raise("ValueError", "int() base must be >= 2 and <= 36, or 0");
  return false;
}

py_int py_int_from_str(rt_str *s) { return parse_int(s, 10); }

py_int py_int_from_str_base(rt_str *s, int64_t base) { return valid_base(base) ? parse_int(s, (int)base) : 0; }



/* ---- float ------------------------------------------------------------------------------------------ */

static bool match_word(const char *p, const char *end, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(end - p) != n) return false;
  for (size_t i = 0; i < n; i++) {
    if (tolower((unsigned char)p[i]) != word[i]) return false;
  }
  return true;
}

/* _PyOS_ascii_strtod's grammar on the whole of [p, end): a sign, then inf, infinity or nan in any
 * case, or decimal digits with an optional point and exponent. No hexadecimal, no nan(...). */
static bool parse_decimal_float(const char *p, const char *end, double *result) {
  const char *start = p;
  bool negative = false;
  if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
  if (match_word(p, end, "inf") || match_word(p, end, "infinity")) {
    *result = negative ? -INFINITY : INFINITY;
    return true;
  }
  if (match_word(p, end, "nan")) {
    *result = negative ? -NAN : NAN;
    return true;
  }
  int digits = 0;
  while (p < end && *p >= '0' && *p <= '9') p++, digits++;
  if (p < end && *p == '.') {
    p++;
    while (p < end && *p >= '0' && *p <= '9') p++, digits++;
  }
  if (digits == 0) return false;
  if (p < end && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < end && (*p == '+' || *p == '-')) p++;
    int exponent_digits = 0;
    while (p < end && *p >= '0' && *p <= '9') p++, exponent_digits++;
    if (exponent_digits == 0) return false;
  }
  if (p != end) return false;
  size_t n = (size_t)(end - start);
  char *copy = rt_malloc(n + 1);
  memcpy(copy, start, n);
  copy[n] = '\0';
  *result = strtod(copy, NULL);
  free(copy);
  return true;
}

double py_str_to_f64(rt_str *s) {
  size_t size;
  char *text = to_ascii(s, &size);
  double result = 0.0;
  bool ok = true;
  /* Underscores: only between digits (_Py_string_to_number_with_underscores). */
  if (memchr(text, '_', size) != NULL) {
    char previous = 0;
    size_t n = 0;
    for (size_t i = 0; i < size && ok; i++) {
      char c = text[i];
      if (c == '_') {
        if (!(previous >= '0' && previous <= '9')) ok = false;
      } else {
        if (previous == '_' && !(c >= '0' && c <= '9')) ok = false;
        text[n++] = c;
      }
      previous = c;
    }
    if (previous == '_') ok = false;
    size = n;
    text[n] = '\0';
  }
  if (ok) {
    const char *p = text;
    const char *end = text + size;
    while (p < end && is_space(*p)) p++;
    while (end > p + 1 && is_space(end[-1])) end--;
    ok = parse_decimal_float(p, end, &result);
  }
  free(text);
  if (!ok) {
    char *repr = repr_cut(s, -1);
    rt_raisef("ValueError", "could not convert string to float: %s", repr);
    free(repr);
    return 0.0;
  }
  return result;
}
