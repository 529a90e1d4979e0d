/* Python's str methods that trim or pad a string: strip, lstrip and rstrip (of whitespace or of a
 * set of characters), center, ljust, rjust, zfill and expandtabs, as CPython 3.11 defines them. */
#include <stdlib.h>

#include "py_str_internal.h"

/* ---- stripping -------------------------------------------------------------------------------- */

enum { LEFT = 1, RIGHT = 2 };

/* Whether cp is to be stripped: whitespace when chars is NULL, else a code point of chars. */
static bool in_set(const rt_str *chars, uint32_t cp) {
  if (chars == NULL) return rt_unicode_is_space(cp);
  for (int64_t at = 0; at < chars->size;) {
    uint32_t c;
    at += rt_utf8_decode((const unsigned char *)chars->data + at, &c);
    if (c == cp) return true;
  }
  return false;
}

static rt_str *strip(rt_str *s, const rt_str *chars, int sides) {
  int64_t begin = 0, end = s->size;
  if (sides & LEFT) {
    while (begin < end) {
      uint32_t cp;
      int n = rt_utf8_decode((const unsigned char *)s->data + begin, &cp);
      if (!in_set(chars, cp)) break;
      begin += n;
    }
  }
  if (sides & RIGHT) {
    while (end > begin) {
      int64_t before = end;
      if (!in_set(chars, py_utf8_previous(s->data, &before))) break;
      end = before;
    }
  }
  return py_str_range(s, begin, end);
}

rt_str *py_str_strip_whitespace(rt_str *s) { return strip(s, NULL, LEFT | RIGHT); }
rt_str *py_str_lstrip_whitespace(rt_str *s) { return strip(s, NULL, LEFT); }
rt_str *py_str_rstrip_whitespace(rt_str *s) { return strip(s, NULL, RIGHT); }
rt_str *py_str_strip(rt_str *s, rt_str *chars) { return strip(s, chars, LEFT | RIGHT); }
rt_str *py_str_lstrip(rt_str *s, rt_str *chars) { return strip(s, chars, LEFT); }
rt_str *py_str_rstrip(rt_str *s, rt_str *chars) { return strip(s, chars, RIGHT); }

/* ---- padding ---------------------------------------------------------------------------------- */

/* CPython's pad: `left` and `right` copies of fill around s. */
static rt_str *pad(rt_str *s, int64_t left, int64_t right, uint32_t fill) {
  rt_buf b = {0};
  rt_buf_fill(&b, fill, left);
  rt_buf_put(&b, s->data, (size_t)s->size);
  rt_buf_fill(&b, fill, right);
  return rt_buf_to_str(&b);
}

/* The fill character as a code point, or false with TypeError raised. */
static bool fill_char(const rt_str *fill, uint32_t *cp) {
  if (fill->length != 1) {
    rt_raise("TypeError", "The fill character must be exactly one character long");
    return false;
  }
  rt_utf8_decode((const unsigned char *)fill->data, cp);
  return true;
}

rt_str *py_str_center(rt_str *s, int64_t width, rt_str *fill) {
  uint32_t cp;
  if (!fill_char(fill, &cp)) return NULL;
  if (s->length >= width) return py_str_same(s);
  int64_t margin = width - s->length;
  /* CPython's rounding: the odd column goes left only when both margin and width are odd. */
  int64_t left = margin / 2 + (margin & width & 1);
  return pad(s, left, margin - left, cp);
}

rt_str *py_str_ljust(rt_str *s, int64_t width, rt_str *fill) {
  uint32_t cp;
  if (!fill_char(fill, &cp)) return NULL;
  return s->length >= width ? py_str_same(s) : pad(s, 0, width - s->length, cp);
}

rt_str *py_str_rjust(rt_str *s, int64_t width, rt_str *fill) {
  uint32_t cp;
  if (!fill_char(fill, &cp)) return NULL;
  return s->length >= width ? py_str_same(s) : pad(s, width - s->length, 0, cp);
}

/* Zeros on the left, after a leading sign. */
rt_str *py_str_zfill(rt_str *s, int64_t width) {
  if (s->length >= width) return py_str_same(s);
  rt_buf b = {0};
  int64_t sign = s->size > 0 && (s->data[0] == '+' || s->data[0] == '-');
  rt_buf_put(&b, s->data, (size_t)sign);
  rt_buf_fill(&b, '0', width - s->length);
  rt_buf_put(&b, s->data + sign, (size_t)(s->size - sign));
  return rt_buf_to_str(&b);
}

/* Each tab becomes the spaces to the next multiple of tabsize (none when tabsize <= 0); only \n
 * and \r start a new column count. */
rt_str *py_str_expandtabs(rt_str *s, int64_t tabsize) {
  rt_buf b = {0};
  int64_t column = 0;
  for (int64_t at = 0; at < s->size;) {
    uint32_t cp;
    int n = rt_utf8_decode((const unsigned char *)s->data + at, &cp);
    if (cp == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        if (b.len + (uint64_t)spaces > (uint64_t)INT64_MAX / 2) {
          rt_buf_free(&b);
          rt_raise("OverflowError", "new string is too long");
          return NULL;
        }
        rt_buf_fill(&b, ' ', spaces);
        column += spaces;
      }
    } else {
      rt_buf_put(&b, s->data + at, (size_t)n);
      column = cp == '\n' || cp == '\r' ? 0 : column + 1;
    }
    at += n;
  }
  return rt_buf_to_str(&b);
}
