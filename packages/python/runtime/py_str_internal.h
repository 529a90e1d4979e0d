/* What the files of Python's str methods (py_str_*.c) share: CPython's index clamping, the way
 * between code-point indexes and UTF-8 byte offsets, and building results from byte ranges. */
#ifndef TOOLCHAIN_PY_STR_INTERNAL_H
#define TOOLCHAIN_PY_STR_INTERNAL_H

#include "py_runtime.h"

/* CPython's ADJUST_INDICES: negative bounds count from the end; only `end` is clamped above, so a
 * start past the end makes a range that callers must treat as matching nothing, not even "". */
static inline void py_str_adjust_indices(int64_t length, int64_t *start, int64_t *end) {
  if (*end > length) {
    *end = length;
  } else if (*end < 0) {
    *end += length;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = 0;
  }
}

static inline bool py_str_is_ascii(const rt_str *s) { return s->size == s->length; }

static inline bool py_utf8_is_lead(unsigned char c) { return (c & 0xC0) != 0x80; }

/* The byte offset of code point `index` (0 <= index <= length). */
int64_t py_str_offset(const rt_str *s, int64_t index);
/* The code-point index of byte offset `offset` (at a code point's start). */
int64_t py_str_index_at(const rt_str *s, int64_t offset);
/* The code point ending just before byte offset *offset > 0; *offset moves to where it starts. */
uint32_t py_utf8_previous(const char *data, int64_t *offset);

/* Bytes [begin, end) of s as a new string; the whole of s is s itself (a new reference). */
rt_str *py_str_range(rt_str *s, int64_t begin, int64_t end);
/* Appends bytes [begin, end) of s to a list of str. */
void py_str_list_add(py_list *list, rt_str *s, int64_t begin, int64_t end);
/* A new reference to s. */
rt_str *py_str_same(rt_str *s);

#endif
