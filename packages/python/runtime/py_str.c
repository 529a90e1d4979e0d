/* Python's str operations that the core's neutral ones do not cover: repr, indexing, repetition,
 * chr() and ord() with CPython's errors, and str() of floats and bools. */
#include <stdlib.h>
#include <string.h>

#include "py_containers.h"
#include "py_runtime.h"

/* ---- repr -------------------------------------------------------------------------------------- */

/* CPython's unicode_repr: single quotes unless the text has ' and no ", escapes for backslash,
 * the quote, \t \n \r, other control characters and every unprintable code point. */
void py_repr_utf8(rt_buf *b, const char *data, size_t size) {
  bool has_single = memchr(data, '\'', size) != NULL;
  bool has_double = memchr(data, '"', size) != NULL;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char hex[] = "0123456789abcdef";
  rt_buf_reserve(b, size + 2);
  rt_buf_putc(b, quote);
  const unsigned char *p = (const unsigned char *)data;
  const unsigned char *end = p + size;
  while (p < end) {
    uint32_t cp;
    int n = rt_utf8_decode(p, &cp);
    if (cp == (uint32_t)quote || cp == '\\') {
      rt_buf_putc(b, '\\');
      rt_buf_putc(b, (char)cp);
    } else if (cp == '\t') {
      rt_buf_puts(b, "\\t");
    } else if (cp == '\n') {
      rt_buf_puts(b, "\\n");
    } else if (cp == '\r') {
      rt_buf_puts(b, "\\r");
    } else if (cp < 0x20 || cp == 0x7F) {
      char e[4] = {'\\', 'x', hex[cp >> 4], hex[cp & 15]};
      rt_buf_put(b, e, 4);
    } else if (cp < 0x7F || rt_unicode_is_printable(cp)) {
      rt_buf_put(b, (const char *)p, (size_t)n);
    } else if (cp <= 0xFF) {
      char e[4] = {'\\', 'x', hex[cp >> 4], hex[cp & 15]};
      rt_buf_put(b, e, 4);
    } else if (cp <= 0xFFFF) {
      char e[6] = {'\\', 'u', hex[cp >> 12], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15], hex[cp & 15]};
      rt_buf_put(b, e, 6);
    } else {
      char e[10] = {'\\', 'U', '0', '0', hex[(cp >> 20) & 15], hex[(cp >> 16) & 15], hex[(cp >> 12) & 15],
                    hex[(cp >> 8) & 15], hex[(cp >> 4) & 15], hex[cp & 15]};
      rt_buf_put(b, e, 10);
    }
    p += n;
  }
  rt_buf_putc(b, quote);
}

rt_str *py_str_repr(rt_str *s) {
  rt_buf b = {0};
  py_repr_utf8(&b, s->data, (size_t)s->size);
  return rt_buf_to_str(&b);
}

/* ---- indexing, repetition, chr and ord --------------------------------------------------------- */

rt_str *py_str_getitem(rt_str *s, int64_t index) {
  if (index < 0) index += s->length;
  if (index < 0 || index >= s->length) {
    rt_raise("IndexError", "string index out of range");
    return NULL;
  }
  return rt_str_slice(s, index, index + 1);
}

rt_str *py_str_repeat(rt_str *s, int64_t n) {
  if (!rt_str_repeat_fits(s, n)) {
    rt_raise("OverflowError", "repeated string is too long");
    return NULL;
  }
  return rt_str_repeat(s, n);
}

rt_str *py_str_chr(int64_t cp) {
  if (cp < 0 || cp > 0x10FFFF) {
    rt_raise("ValueError", "chr() arg not in range(0x110000)");
    return NULL;
  }
  char encoded[4];
  return rt_str_from_utf8(encoded, (size_t)rt_utf8_encode((uint32_t)cp, encoded));
}

int64_t py_str_ord(rt_str *s) {
  if (s->length != 1) {
    rt_raisef("TypeError", "ord() expected a character, but string of length %lld found", (long long)s->length);
    return 0;
  }
  uint32_t cp;
  rt_utf8_decode((const unsigned char *)s->data, &cp);
  return cp;
}

/* ---- str() of floats and bools ------------------------------------------------------------------ */

rt_str *py_f64_repr_str(double x) {
  char text[40];
  int n = py_float_repr(x, text);
  return rt_str_from_utf8(text, (size_t)n);
}

rt_str *py_bool_to_str(bool b) { return b ? rt_str_from_utf8("True", 4) : rt_str_from_utf8("False", 5); }

/* ---- iteration and slicing ------------------------------------------------------------------- */

int64_t py_str_size(rt_str *s) { return s->size; }

/* The character whose UTF-8 starts at byte `offset` (a str iteration's position), as a str. */
rt_str *py_str_char_at(rt_str *s, int64_t offset) {
  uint32_t cp;
  int size = rt_utf8_decode((const unsigned char *)s->data + offset, &cp);
  return rt_str_from_utf8(s->data + offset, (size_t)size);
}

/* Bytes of the character at byte `offset`. */
int64_t py_str_char_size(rt_str *s, int64_t offset) {
  unsigned char lead = (unsigned char)s->data[offset];
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

rt_str *py_str_slice(rt_str *s, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step) {
  if (step == 0) {
    rt_raise("ValueError", "slice step cannot be zero");
    return rt_str_from_utf8("", 0);
  }
  int64_t count = py_slice_adjust(s->length, &start, has_start, &stop, has_stop, step);
  if (step == 1) return rt_str_slice(s, start, start + count);
  bool ascii = s->size == s->length;
  uint32_t *points = NULL;
  if (!ascii) {
    /* Code points decoded once: a stepped slice of non-ASCII text reads them out of order. */
    points = malloc((size_t)s->length * sizeof *points);
    if (points == NULL && s->length > 0) rt_out_of_memory();
    const unsigned char *p = (const unsigned char *)s->data;
    for (int64_t i = 0; i < s->length; i++) p += rt_utf8_decode(p, &points[i]);
  }
  rt_buf b = {0};
  for (int64_t i = 0, at = start; i < count; i++, at += step) {
    if (ascii) rt_buf_putc(&b, s->data[at]);
    else rt_buf_put_cp(&b, points[at]);
  }
  free(points);
  return rt_buf_to_str(&b);
}

/* ---- unpacking ------------------------------------------------------------------------------- */

void py_unpack_check(int64_t length, int64_t expected, bool starred) {
  if (starred) {
    if (length < expected) {
      rt_raisef("ValueError", "not enough values to unpack (expected at least %lld, got %lld)", (long long)expected,
                (long long)length);
    }
    return;
  }
  if (length > expected) rt_raisef("ValueError", "too many values to unpack (expected %lld)", (long long)expected);
  else if (length < expected) {
    rt_raisef("ValueError", "not enough values to unpack (expected %lld, got %lld)", (long long)expected,
              (long long)length);
  }
}
