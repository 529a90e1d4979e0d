/*
 * Python's format-spec mini-language (format(), f-strings, str.format) for int (of any size: the
 * 64-bit entry goes through the same code), float, bool and str,
 * with CPython 3.11's behaviour and error messages:
 *
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *
 * Widths count code points; the fill may be any character.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_int_internal.h"

typedef struct {
  uint32_t fill;
  uint32_t align; /* '<', '>', '^', '=' */
  bool alternate;
  bool no_neg_0;
  uint32_t sign; /* 0, '+', '-', ' ' */
  int64_t width; /* -1: none */
  char grouping; /* 0, ',' or '_' */
  int group_size; /* 3, or 4 for '_' with b, o, x, X */
  int64_t precision; /* -1: none */
  uint32_t type; /* 0: none */
} format_spec;

typedef struct {
  uint32_t *cps;
  int64_t length;
} code_points;

static code_points decode(rt_str *s) {
  code_points c = {rt_malloc(sizeof(uint32_t) * (size_t)(s->length + 1)), 0};
  const unsigned char *p = (const unsigned char *)s->data;
  const unsigned char *end = p + s->size;
  while (p < end) p += rt_utf8_decode(p, &c.cps[c.length++]);
  return c;
}

static void unknown_presentation_type(uint32_t type, const char *type_name) {
  if (type > 32 && type < 128)
    rt_raisef("ValueError", "Unknown format code '%c' for object of type '%s'", (char)type, type_name);
  else
    rt_raisef("ValueError", "Unknown format code '\\x%x' for object of type '%s'", (unsigned)type, type_name);
}

static void invalid_thousands_separator_type(char separator, uint32_t type) {
  if (type > 32 && type < 128)
    rt_raisef("ValueError", "Cannot specify '%c' with '%c'.", separator, (char)type);
  else
    rt_raisef("ValueError", "Cannot specify '%c' with '\\x%x'.", separator, (unsigned)type);
}

static bool is_alignment(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Consumes decimal digits (any Unicode decimal digit, as CPython accepts); returns how many, or -1
 * after raising on overflow. */
static int64_t read_integer(const code_points *c, int64_t *pos, int64_t *result) {
  int64_t value = 0, count = 0;
  for (; *pos < c->length; (*pos)++, count++) {
    int digit = rt_unicode_decimal(c->cps[*pos]);
    if (digit < 0) break;
    if (value > (INT64_MAX - digit) / 10) {
      rt_raise("ValueError", "Too many decimal digits in format string");
      return -1;
    }
    value = value * 10 + digit;
  }
  *result = value;
  return count;
}

static bool parse_spec(rt_str *text, format_spec *f, uint32_t default_type, uint32_t default_align,
                       const char *type_name) {
  code_points c = decode(text);
  int64_t pos = 0, end = c.length;
  bool align_specified = false, fill_specified = false;
  f->fill = ' ';
  f->align = default_align;
  f->alternate = false;
  f->no_neg_0 = false;
  f->sign = 0;
  f->width = -1;
  f->grouping = 0;
  f->group_size = 3;
  f->precision = -1;
  f->type = default_type;

  if (end - pos >= 2 && is_alignment(c.cps[pos + 1])) {
    f->align = c.cps[pos + 1];
    f->fill = c.cps[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment(c.cps[pos])) {
    f->align = c.cps[pos];
    align_specified = true;
    pos++;
  }
  if (end - pos >= 1 && (c.cps[pos] == '+' || c.cps[pos] == '-' || c.cps[pos] == ' ')) f->sign = c.cps[pos++];
  if (end - pos >= 1 && c.cps[pos] == 'z') {
    f->no_neg_0 = true;
    pos++;
  }
  if (end - pos >= 1 && c.cps[pos] == '#') {
    f->alternate = true;
    pos++;
  }
  if (!fill_specified && end - pos >= 1 && c.cps[pos] == '0') {
    f->fill = '0';
    if (!align_specified && default_align == '>') f->align = '=';
    pos++;
  }
  int64_t consumed = read_integer(&c, &pos, &f->width);
  if (consumed < 0) goto fail;
  if (consumed == 0) f->width = -1;
  if (end - pos >= 1 && c.cps[pos] == ',') {
    f->grouping = ',';
    pos++;
  }
  if (end - pos >= 1 && c.cps[pos] == '_') {
    if (f->grouping != 0) {
      rt_raise("ValueError", "Cannot specify both ',' and '_'.");
      goto fail;
    }
    f->grouping = '_';
    pos++;
  }
  if (end - pos >= 1 && c.cps[pos] == ',' && f->grouping == '_') {
    rt_raise("ValueError", "Cannot specify both ',' and '_'.");
    goto fail;
  }
  if (end - pos >= 1 && c.cps[pos] == '.') {
    pos++;
    consumed = read_integer(&c, &pos, &f->precision);
    if (consumed < 0) goto fail;
    if (consumed == 0) {
      rt_raise("ValueError", "Format specifier missing precision");
      goto fail;
    }
  }
  if (end - pos > 1) {
    rt_raisef("ValueError", "Invalid format specifier '%s' for object of type '%s'", text->data, type_name);
    goto fail;
  }
  if (end - pos == 1) f->type = c.cps[pos++];
  if (f->grouping != 0) {
    switch (f->type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0:
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f->grouping == '_') {
          f->group_size = 4;
          break;
        }
        /* fall through */
      default:
        invalid_thousands_separator_type(f->grouping, f->type);
        goto fail;
    }
  }
  free(c.cps);
  return true;
fail:
  free(c.cps);
  return false;
}

/* ---- numbers: sign, prefix, grouped digits, decimal point, remainder, padding ------------------- */

/* The integer digits with separators every `group` digits, zero-padded on the left to at least
 * `min_width` characters (separators included) as CPython's '0' padding does. Appends to out. */
static void put_grouped(rt_buf *out, const char *digits, int64_t n_digits, int64_t min_width, char separator,
                        int group) {
  /* Built right to left, then reversed. */
  rt_buf reversed = {0};
  int64_t remaining = n_digits;
  const char *next = digits + n_digits;
  bool use_separator = false;
  if (min_width < 0) min_width = 0;
  bool stopped = false;
  if (separator != 0) {
    for (;;) {
      int64_t len = remaining > min_width ? remaining : min_width;
      if (len < 1) len = 1;
      if (len > group) len = group;
      int64_t zeros = len - remaining > 0 ? len - remaining : 0;
      int64_t chars = remaining < len ? remaining : len;
      if (chars < 0) chars = 0;
      if (use_separator) rt_buf_putc(&reversed, separator);
      for (int64_t i = 0; i < chars; i++) rt_buf_putc(&reversed, *--next);
      rt_buf_fill(&reversed, '0', zeros);
      use_separator = true;
      remaining -= chars;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        stopped = true;
        break;
      }
      min_width -= 1;
    }
  }
  if (!stopped) {
    int64_t len = remaining > min_width ? remaining : min_width;
    if (len < 1) len = 1;
    int64_t zeros = len - remaining > 0 ? len - remaining : 0;
    int64_t chars = remaining < len ? remaining : len;
    if (chars < 0) chars = 0;
    if (use_separator) rt_buf_putc(&reversed, separator);
    for (int64_t i = 0; i < chars; i++) rt_buf_putc(&reversed, *--next);
    rt_buf_fill(&reversed, '0', zeros);
  }
  rt_buf_reserve(out, reversed.len);
  for (size_t i = reversed.len; i-- > 0;) out->data[out->len++] = reversed.data[i];
  rt_buf_free(&reversed);
}

static int64_t grouped_width(int64_t n_digits, int64_t min_width, char separator, int group) {
  if (separator == 0) {
    int64_t len = n_digits > min_width ? n_digits : min_width;
    return len < 1 ? 1 : len;
  }
  int64_t count = 0, remaining = n_digits;
  bool use_separator = false;
  if (min_width < 0) min_width = 0;
  for (;;) {
    int64_t len = remaining > min_width ? remaining : min_width;
    if (len < 1) len = 1;
    if (len > group) len = group;
    count += (use_separator ? 1 : 0) + len;
    use_separator = true;
    int64_t chars = remaining < len ? remaining : len;
    remaining -= chars < 0 ? 0 : chars;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0) return count;
    min_width -= 1;
  }
}

/*
 * Lays out a number as CPython's calc_number_widths/fill_number do:
 *   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal point> <remainder> <rpadding>
 * `digits` are the n_digits integer digits (ASCII); `remainder` follows the decimal point (or
 * follows the digits when there is none) and may be any UTF-8 text of `remainder_cps` code points.
 */
static rt_str *layout_number(const format_spec *f, char sign_char, const char *prefix, const char *digits,
                             int64_t n_digits, bool has_decimal, const char *remainder, size_t remainder_size,
                             int64_t remainder_cps, bool grouping_allowed) {
  char sign = 0;
  if (f->sign == '+')
    sign = sign_char == '-' ? '-' : '+';
  else if (f->sign == ' ')
    sign = sign_char == '-' ? '-' : ' ';
  else if (sign_char == '-')
    sign = '-';
  int64_t n_prefix = (int64_t)strlen(prefix);
  int64_t n_non_digit = (sign != 0) + n_prefix + (has_decimal ? 1 : 0) + remainder_cps;
  char separator = grouping_allowed ? f->grouping : 0;
  int group = f->group_size;
  int64_t min_width = f->fill == '0' && f->align == '=' ? f->width - n_non_digit : 0;
  int64_t n_grouped = n_digits == 0 ? 0 : grouped_width(n_digits, min_width, separator, group);
  int64_t padding = f->width - (n_non_digit + n_grouped);
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (f->align) {
      case '<':
        rpad = padding;
        break;
      case '^':
        lpad = padding / 2;
        rpad = padding - lpad;
        break;
      case '=':
        spad = padding;
        break;
      default:
        lpad = padding;
        break;
    }
  }
  rt_buf out = {0};
  rt_buf_fill(&out, f->fill, lpad);
  if (sign != 0) rt_buf_putc(&out, sign);
  rt_buf_puts(&out, prefix);
  rt_buf_fill(&out, f->fill, spad);
  if (n_digits != 0) put_grouped(&out, digits, n_digits, min_width, separator, group);
  if (has_decimal) rt_buf_putc(&out, '.');
  rt_buf_put(&out, remainder, remainder_size);
  rt_buf_fill(&out, f->fill, rpad);
  return rt_buf_to_str(&out);
}

/* ---- float ---------------------------------------------------------------------------------------- */

static rt_str *format_float(double x, const format_spec *f) {
  int flags = 0;
  uint32_t type = f->type;
  int default_precision = 6;
  bool percent = false;
  if (f->precision > INT_MAX) {
    rt_raise("ValueError", "precision too big");
    return NULL;
  }
  int precision = (int)f->precision;
  if (f->alternate) flags |= PY_DTSF_ALT;
  if (f->no_neg_0) flags |= PY_DTSF_NO_NEG_0;
  if (type == 0) {
    flags |= PY_DTSF_ADD_DOT_0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    x *= 100;
    percent = true;
  }
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char code = (char)(upper ? type - 'A' + 'a' : type);
  char *text = py_double_to_string(x, code, precision, flags, upper);
  size_t n = strlen(text);
  if (percent) {
    text = rt_realloc(text, n + 2);
    text[n++] = '%';
    text[n] = '\0';
  }
  char sign_char = 0;
  const char *number = text;
  if (number[0] == '-') {
    sign_char = '-';
    number++;
  }
  int64_t n_digits = 0;
  while (number[n_digits] >= '0' && number[n_digits] <= '9') n_digits++;
  bool has_decimal = number[n_digits] == '.';
  const char *remainder = number + n_digits + (has_decimal ? 1 : 0);
  size_t remainder_size = strlen(remainder);
  rt_str *result = layout_number(f, sign_char, "", number, n_digits, has_decimal, remainder, remainder_size,
                                 (int64_t)remainder_size, f->type != 'n');
  free(text);
  return result;
}

rt_str *py_format_f64(double x, rt_str *spec) {
  if (spec->size == 0) return py_f64_repr_str(x);
  format_spec f;
  if (!parse_spec(spec, &f, 0, '>', "float")) return NULL;
  switch (f.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      return format_float(x, &f);
    default:
      unknown_presentation_type(f.type, "float");
      return NULL;
  }
}

/* ---- int ------------------------------------------------------------------------------------------ */

static rt_str *format_int(py_int x, const format_spec *f) {
  if (f->precision != -1) {
    rt_raise("ValueError", "Precision not allowed in integer format specifier");
    return NULL;
  }
  if (f->no_neg_0) {
    rt_raise("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
    return NULL;
  }
  if (f->type == 'c') {
    if (f->sign != 0) {
      rt_raise("ValueError", "Sign not allowed with integer format specifier 'c'");
      return NULL;
    }
    if (f->alternate) {
      rt_raise("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
      return NULL;
    }
    int64_t cp = py_int_to_i64(x);
    if (rt_error_pending) return NULL;
    if (cp < 0 || cp > 0x10FFFF) {
      rt_raise("OverflowError", "%c arg not in range(0x110000)");
      return NULL;
    }
    char encoded[4];
    int n = rt_utf8_encode((uint32_t)cp, encoded);
    return layout_number(f, 0, "", "", 0, false, encoded, (size_t)n, 1, false);
  }
  int base = 10;
  const char *prefix = "";
  switch (f->type) {
    case 'b':
      base = 2;
      prefix = "0b";
      break;
    case 'o':
      base = 8;
      prefix = "0o";
      break;
    case 'x':
      base = 16;
      prefix = "0x";
      break;
    case 'X':
      base = 16;
      prefix = "0X";
      break;
    default:
      break;
  }
  if (!f->alternate) prefix = "";
  char *digits = py_int_magnitude_digits(x, base);
  if (digits == NULL) return NULL;
  size_t n = strlen(digits);
  if (f->type == 'X') {
    for (size_t i = 0; i < n; i++) digits[i] = (char)toupper((unsigned char)digits[i]);
  }
  rt_str *result =
      layout_number(f, py_int_compare(x, 0) < 0 ? '-' : 0, prefix, digits, (int64_t)n, false, "", 0, 0, f->type != 'n');
  free(digits);
  return result;
}

static rt_str *format_integer_value(py_int x, rt_str *spec, const char *type_name) {
  format_spec f;
  if (!parse_spec(spec, &f, 'd', '>', type_name)) return NULL;
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      return format_int(x, &f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      double value = py_int_to_f64(x);
      return rt_error_pending ? NULL : format_float(value, &f);
    }
    default:
      unknown_presentation_type(f.type, type_name);
      return NULL;
  }
}

rt_str *py_int_format(py_int x, rt_str *spec) {
  if (spec->size == 0) return py_int_to_str(x);
  return format_integer_value(x, spec, "int");
}


/* bool formats as int, except that an empty spec gives str(b) and errors name 'bool'. */
rt_str *py_format_bool(bool b, rt_str *spec) {
  if (spec->size == 0) return py_bool_to_str(b);
  return format_integer_value(py_int_from_i64(b), spec, "bool");
}

/* ---- str ------------------------------------------------------------------------------------------ */

rt_str *py_format_str(rt_str *s, rt_str *spec) {
  if (spec->size == 0) {
    rt_str_incref(s);
    return s;
  }
  format_spec f;
  if (!parse_spec(spec, &f, 's', '<', "str")) return NULL;
  if (f.type != 's') {
    unknown_presentation_type(f.type, "str");
    return NULL;
  }
  if (f.sign != 0) {
    rt_raise("ValueError",
             f.sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
    return NULL;
  }
  if (f.no_neg_0) {
    rt_raise("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
    return NULL;
  }
  if (f.alternate) {
    rt_raise("ValueError", "Alternate form (#) not allowed in string format specifier");
    return NULL;
  }
  if (f.align == '=') {
    rt_raise("ValueError", "'=' alignment not allowed in string format specifier");
    return NULL;
  }
  int64_t length = s->length;
  if ((f.width == -1 || f.width <= length) && (f.precision == -1 || f.precision >= length)) {
    rt_str_incref(s);
    return s;
  }
  if (f.precision >= 0 && length >= f.precision) length = f.precision;
  /* Byte size of the first `length` code points. */
  int64_t size = 0;
  for (int64_t seen = 0; seen < length; seen++) {
    size++;
    while (size < s->size && ((unsigned char)s->data[size] & 0xC0) == 0x80) size++;
  }
  int64_t total = f.width > length ? f.width : length;
  int64_t lpad = f.align == '>' ? total - length : f.align == '^' ? (total - length) / 2 : 0;
  int64_t rpad = total - length - lpad;
  rt_buf out = {0};
  rt_buf_fill(&out, f.fill, lpad);
  rt_buf_put(&out, s->data, (size_t)size);
  rt_buf_fill(&out, f.fill, rpad);
  return rt_buf_to_str(&out);
}
