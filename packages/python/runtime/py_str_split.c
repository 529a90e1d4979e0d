/* Python's str methods that cut a string into a list and join one: split and rsplit (on whitespace
 * or on a separator), splitlines and join, as CPython 3.11's stringlib/split.h walks them. */
#define _GNU_SOURCE
#include <string.h>

#include "py_str_internal.h"

/* The code point at byte offset *at, which moves past it. */
static uint32_t next_cp(const rt_str *s, int64_t *at) {
  uint32_t cp;
  *at += rt_utf8_decode((const unsigned char *)s->data + *at, &cp);
  return cp;
}

/* ASCII whitespace as str.isspace() has it: \t \n \v \f \r, \x1c-\x1f and the space. */
static bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

static bool is_space_at(const rt_str *s, int64_t at, int64_t *after) {
  unsigned char c = (unsigned char)s->data[at];
  /* ASCII without a table lookup (measured: 11% of the word-frequency benchmark went to the
     Unicode test of every character). */
  if (c < 0x80) {
    *after = at + 1;
    return ascii_space(c);
  }
  *after = at;
  return rt_unicode_is_space(next_cp(s, after));
}

static bool is_space_before(const rt_str *s, int64_t at, int64_t *before) {
  *before = at;
  return rt_unicode_is_space(py_utf8_previous(s->data, before));
}

/* Whitespace split: runs of whitespace separate, none at either end counts; once maxsplit pieces
 * are cut the rest, less its leading whitespace, is the last piece. */
int64_t py_str_word_start(rt_str *s, int64_t from) {
  int64_t i = from, next;
  while (i < s->size && is_space_at(s, i, &next)) i = next;
  return i;
}

int64_t py_str_word_end(rt_str *s, int64_t begin) {
  int64_t i = begin, next;
  while (i < s->size && !is_space_at(s, i, &next)) i = next;
  return i;
}

rt_str *py_str_bytes_range(rt_str *s, int64_t begin, int64_t end) { return py_str_range(s, begin, end); }

py_list *py_str_split_whitespace(rt_str *s, int64_t maxsplit) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  py_list *list = py_list_new('o', 0);
  int64_t i = 0, next;
  while (maxsplit-- > 0) {
    while (i < s->size && is_space_at(s, i, &next)) i = next;
    if (i == s->size) break;
    int64_t begin = i;
    while (i < s->size && !is_space_at(s, i, &next)) i = next;
    py_str_list_add(list, s, begin, i);
  }
  if (i < s->size) {
    while (i < s->size && is_space_at(s, i, &next)) i = next;
    if (i < s->size) py_str_list_add(list, s, i, s->size);
  }
  return list;
}

py_list *py_str_rsplit_whitespace(rt_str *s, int64_t maxsplit) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  py_list *list = py_list_new('o', 0);
  int64_t i = s->size, before;
  while (maxsplit-- > 0) {
    while (i > 0 && is_space_before(s, i, &before)) i = before;
    if (i == 0) break;
    int64_t end = i;
    while (i > 0 && !is_space_before(s, i, &before)) i = before;
    py_str_list_add(list, s, i, end);
  }
  if (i > 0) {
    while (i > 0 && is_space_before(s, i, &before)) i = before;
    if (i > 0) py_str_list_add(list, s, 0, i);
  }
  py_list_reverse(list);
  return list;
}

static bool empty_separator(const rt_str *sep) {
  if (sep->size != 0) return false;
  rt_raise("ValueError", "empty separator");
  return true;
}

py_list *py_str_split(rt_str *s, rt_str *sep, int64_t maxsplit) {
  if (empty_separator(sep)) return NULL;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  py_list *list = py_list_new('o', 0);
  int64_t i = 0;
  while (maxsplit-- > 0) {
    const char *found = memmem(s->data + i, (size_t)(s->size - i), sep->data, (size_t)sep->size);
    if (found == NULL) break;
    py_str_list_add(list, s, i, found - s->data);
    i = found - s->data + sep->size;
  }
  py_str_list_add(list, s, i, s->size);
  return list;
}

py_list *py_str_rsplit(rt_str *s, rt_str *sep, int64_t maxsplit) {
  if (empty_separator(sep)) return NULL;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  py_list *list = py_list_new('o', 0);
  int64_t end = s->size;
  while (maxsplit-- > 0) {
    int64_t at = end - sep->size;
    while (at >= 0 && memcmp(s->data + at, sep->data, (size_t)sep->size) != 0) at--;
    if (at < 0) break;
    py_str_list_add(list, s, at + sep->size, end);
    end = at;
  }
  py_str_list_add(list, s, 0, end);
  py_list_reverse(list);
  return list;
}

/* Py_UNICODE_ISLINEBREAK: the line boundaries of str.splitlines. */
static bool is_line_break(uint32_t cp) {
  switch (cp) {
  case '\n': case '\v': case '\f': case '\r': case 0x1C: case 0x1D: case 0x1E: case 0x85: case 0x2028: case 0x2029:
    return true;
  default:
    return false;
  }
}

py_list *py_str_splitlines(rt_str *s, int64_t keepends) {
  py_list *list = py_list_new('o', 0);
  int64_t i = 0;
  while (i < s->size) {
    int64_t begin = i, next = i;
    while (i < s->size && !is_line_break(next_cp(s, &next))) i = next;
    int64_t eol = i;
    if (i < s->size) {
      /* \r\n is one line break. */
      i = s->data[i] == '\r' && i + 1 < s->size && s->data[i + 1] == '\n' ? i + 2 : next;
      if (keepends) eol = i;
    }
    py_str_list_add(list, s, begin, eol);
  }
  return list;
}

rt_str *py_str_join(rt_str *sep, py_list *items) {
  int64_t count = items->items.length;
  rt_str **strings = (rt_str **)items->items.data;
  if (count == 1) return py_str_same(strings[0]);
  /* Sizes and lengths are known: the result is allocated once and filled, with no buffer to copy
     from and no UTF-8 rescan (measured: a third of the fasta and word_freq benchmarks went to the
     buffer's growth, copy and rescan). */
  int64_t size = count > 1 ? sep->size * (count - 1) : 0;
  int64_t length = count > 1 ? sep->length * (count - 1) : 0;
  for (int64_t i = 0; i < count; i++) {
    size += strings[i]->size;
    length += strings[i]->length;
  }
  rt_str *result = rt_str_new_uninit(size);
  result->length = length;
  char *at = result->data;
  for (int64_t i = 0; i < count; i++) {
    if (i > 0 && sep->size > 0) {
      memcpy(at, sep->data, (size_t)sep->size);
      at += sep->size;
    }
    memcpy(at, strings[i]->data, (size_t)strings[i]->size);
    at += strings[i]->size;
  }
  return result;
}
