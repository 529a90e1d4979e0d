/*
 * LumaScript's string methods (`luma_str_*`, `luma_parse_*`), on the core's UTF-8 strings. Offsets
 * and lengths are in bytes, as LumaScript's `len()`, `find` and `slice` count them. Case mapping is
 * ASCII's (other characters are left as they are). Parsing follows Rust's `str::parse`: an
 * optional sign then decimal digits for an integer, no surrounding whitespace, and Rust's error
 * messages; a float is C's strtod over the whole text, without hexadecimal forms.
 *
 * Arguments are borrowed; a returned string is a new reference.
 */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

int64_t luma_str_len(rt_str *s) { return s->size; }

/* The byte offset of the first `needle` at or after `from`, or -1. */
int64_t luma_str_find(rt_str *s, rt_str *needle, int64_t from) {
  if (from < 0 || from > s->size || needle->size > s->size - from) return -1;
  if (needle->size == 0) return from;
  const char *found = memmem(s->data + from, (size_t)(s->size - from), needle->data, (size_t)needle->size);
  return found == NULL ? -1 : found - s->data;
}

/* The bytes [begin, end), a caller having checked 0 <= begin <= end <= len. */
/* The byte at `at` (0 <= at < len), 0 to 255. */
int64_t luma_str_byte(rt_str *s, int64_t at) {
  return (unsigned char)s->data[at];
}

rt_str *luma_str_range(rt_str *s, int64_t begin, int64_t end) {
  return rt_str_from_utf8(s->data + begin, (size_t)(end - begin));
}

/* Whether `at` (0 <= at <= len) is on a character boundary: not inside a UTF-8 sequence. */
bool luma_str_is_boundary(rt_str *s, int64_t at) {
  return at == s->size || ((unsigned char)s->data[at] & 0xC0) != 0x80;
}

/* The byte offset just past the character starting at `at` (< len). */
int64_t luma_str_char_end(rt_str *s, int64_t at) {
  uint32_t cp;
  return at + rt_utf8_decode((const unsigned char *)s->data + at, &cp);
}

bool luma_str_starts_with(rt_str *s, rt_str *prefix) {
  return prefix->size <= s->size && memcmp(s->data, prefix->data, (size_t)prefix->size) == 0;
}

bool luma_str_ends_with(rt_str *s, rt_str *suffix) {
  return suffix->size <= s->size && memcmp(s->data + s->size - suffix->size, suffix->data, (size_t)suffix->size) == 0;
}

/* Without leading and trailing whitespace (ASCII's: space, \t, \n, \v, \f, \r). */
rt_str *luma_str_trim(rt_str *s) {
  int64_t begin = 0, end = s->size;
  while (begin < end && isspace((unsigned char)s->data[begin])) begin++;
  while (end > begin && isspace((unsigned char)s->data[end - 1])) end--;
  return luma_str_range(s, begin, end);
}

/* Mapped in a buffer of its own: a string from rt_str_from_utf8 may be shared (one-character
   strings are the runtime's immortal ones), so it is never written after it is made. */
static rt_str *mapped(rt_str *s, int (*map)(int)) {
  rt_buf out = {0};
  for (int64_t i = 0; i < s->size; i++) {
    unsigned char c = (unsigned char)s->data[i];
    char byte = (char)(c < 0x80 ? map(c) : c);
    rt_buf_put(&out, &byte, 1);
  }
  return rt_buf_to_str(&out);
}

rt_str *luma_str_to_upper(rt_str *s) { return mapped(s, toupper); }

rt_str *luma_str_to_lower(rt_str *s) { return mapped(s, tolower); }

/* Every `from` replaced by `to`, left to right; an empty `from` matches between characters, as Rust's. */
rt_str *luma_str_replace(rt_str *s, rt_str *from, rt_str *to) {
  rt_buf out = {0};
  int64_t at = 0;
  if (from->size == 0) {
    rt_buf_put(&out, to->data, (size_t)to->size);
    while (at < s->size) {
      int64_t next = luma_str_char_end(s, at);
      rt_buf_put(&out, s->data + at, (size_t)(next - at));
      rt_buf_put(&out, to->data, (size_t)to->size);
      at = next;
    }
    return rt_buf_to_str(&out);
  }
  for (int64_t found; (found = luma_str_find(s, from, at)) >= 0; at = found + from->size) {
    rt_buf_put(&out, s->data + at, (size_t)(found - at));
    rt_buf_put(&out, to->data, (size_t)to->size);
  }
  rt_buf_put(&out, s->data + at, (size_t)(s->size - at));
  return rt_buf_to_str(&out);
}

/* Rust's reason `s` does not parse as an i64, or NULL when it does. */
rt_str *luma_parse_i64_error(rt_str *s) {
  if (s->size == 0) return rt_str_from_cstr("cannot parse integer from empty string");
  int64_t i = (s->data[0] == '+' || s->data[0] == '-') ? 1 : 0;
  if (i == s->size) return rt_str_from_cstr("invalid digit found in string");
  bool negative = s->data[0] == '-';
  uint64_t magnitude = 0, limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
  for (; i < s->size; i++) {
    unsigned char c = (unsigned char)s->data[i];
    if (c < '0' || c > '9') return rt_str_from_cstr("invalid digit found in string");
    if (magnitude > (limit - (c - '0')) / 10)
      return rt_str_from_cstr(negative ? "number too small to fit in target type" : "number too large to fit in target type");
    magnitude = magnitude * 10 + (c - '0');
  }
  return NULL;
}

/* `s` as an i64, a caller having checked with luma_parse_i64_error that it parses. */
int64_t luma_parse_i64(rt_str *s) {
  bool negative = s->data[0] == '-';
  uint64_t magnitude = 0;
  for (int64_t i = (s->data[0] == '+' || negative) ? 1 : 0; i < s->size; i++) magnitude = magnitude * 10 + (uint64_t)(s->data[i] - '0');
  return negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
}

/* Whether strtod reads all of `s` (and it is not a hexadecimal form, which Rust does not take). */
static bool reads_as_float(rt_str *s, double *value) {
  if (s->size == 0 || isspace((unsigned char)s->data[0])) return false;
  for (int64_t i = 0; i < s->size; i++)
    if (s->data[i] == 'x' || s->data[i] == 'X' || s->data[i] == '\0') return false;
  char *end;
  errno = 0;
  *value = strtod(s->data, &end);
  return end == s->data + s->size;
}

rt_str *luma_parse_f64_error(rt_str *s) {
  double value;
  if (s->size == 0) return rt_str_from_cstr("cannot parse float from empty string");
  return reads_as_float(s, &value) ? NULL : rt_str_from_cstr("invalid float literal");
}

double luma_parse_f64(rt_str *s) {
  double value = 0;
  reads_as_float(s, &value);
  return value;
}
