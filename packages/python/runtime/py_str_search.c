/* Python's str methods that look for a substring: find, rfind, index, rindex, count, startswith,
 * endswith, replace, partition, rpartition, removeprefix and removesuffix, with CPython 3.11's index
 * rules. Searching runs on the UTF-8 bytes (a match of valid UTF-8 in valid UTF-8 starts and ends at
 * code points); only the bounds and the answers are code-point indexes. */
#define _GNU_SOURCE
#include <string.h>

#include "py_str_internal.h"

/* ---- the code-point view of UTF-8 text --------------------------------------------------------- */

int64_t py_str_offset(const rt_str *s, int64_t index) {
  if (py_str_is_ascii(s)) return index;
  if (index >= s->length) return s->size;
  const unsigned char *p = (const unsigned char *)s->data;
  int64_t offset = 0;
  for (int64_t seen = 0; seen < index; seen++) {
    offset++;
    while (!py_utf8_is_lead(p[offset])) offset++;
  }
  return offset;
}

int64_t py_str_index_at(const rt_str *s, int64_t offset) {
  return py_str_is_ascii(s) ? offset : rt_utf8_length(s->data, (size_t)offset);
}

uint32_t py_utf8_previous(const char *data, int64_t *offset) {
  int64_t at = *offset - 1;
  while (!py_utf8_is_lead((unsigned char)data[at])) at--;
  uint32_t cp;
  rt_utf8_decode((const unsigned char *)data + at, &cp);
  *offset = at;
  return cp;
}

rt_str *py_str_same(rt_str *s) {
  rt_str_incref(s);
  return s;
}

rt_str *py_str_range(rt_str *s, int64_t begin, int64_t end) {
  if (begin == 0 && end == s->size) return py_str_same(s);
  return rt_str_from_utf8(s->data + begin, (size_t)(end - begin));
}

void py_str_list_add(py_list *list, rt_str *s, int64_t begin, int64_t end) {
  rt_str *piece = py_str_range(s, begin, end);
  py_list_append_obj(list, &piece->header);
  rt_str_decref(piece);
}

/* ---- finding ---------------------------------------------------------------------------------- */

/* The byte offset of the first (or last) match of `sub` within bytes [begin, end), or -1. */
static int64_t search_forward(const rt_str *s, int64_t begin, int64_t end, const rt_str *sub) {
  const char *found = memmem(s->data + begin, (size_t)(end - begin), sub->data, (size_t)sub->size);
  return found == NULL ? -1 : found - s->data;
}

static int64_t search_backward(const rt_str *s, int64_t begin, int64_t end, const rt_str *sub) {
  for (int64_t at = end - sub->size; at >= begin; at--) {
    if (memcmp(s->data + at, sub->data, (size_t)sub->size) == 0) return at;
  }
  return -1;
}

/* The code-point index of the first or last match within [start, end), or -1. */
static int64_t find(rt_str *s, rt_str *sub, int64_t start, int64_t end, bool last) {
  py_str_adjust_indices(s->length, &start, &end);
  if (end - start < sub->length) return -1;
  int64_t begin = py_str_offset(s, start);
  int64_t stop = py_str_offset(s, end);
  int64_t at = last ? search_backward(s, begin, stop, sub) : search_forward(s, begin, stop, sub);
  return at < 0 ? -1 : py_str_index_at(s, at);
}

int64_t py_str_find(rt_str *s, rt_str *sub, int64_t start, int64_t end) { return find(s, sub, start, end, false); }

int64_t py_str_rfind(rt_str *s, rt_str *sub, int64_t start, int64_t end) { return find(s, sub, start, end, true); }

static int64_t found_or_raise(int64_t index) {
  if (index < 0) rt_raise("ValueError", "substring not found");
  return index;
}

int64_t py_str_index(rt_str *s, rt_str *sub, int64_t start, int64_t end) {
  return found_or_raise(find(s, sub, start, end, false));
}

int64_t py_str_rindex(rt_str *s, rt_str *sub, int64_t start, int64_t end) {
  return found_or_raise(find(s, sub, start, end, true));
}

/* Non-overlapping matches in bytes [begin, end), at most `limit`. */
static int64_t count_bytes(const rt_str *s, int64_t begin, int64_t end, const rt_str *sub, int64_t limit) {
  if (sub->size == 0) {
    int64_t places = rt_utf8_length(s->data + begin, (size_t)(end - begin)) + 1;
    return places < limit ? places : limit;
  }
  int64_t count = 0;
  while (count < limit) {
    int64_t at = search_forward(s, begin, end, sub);
    if (at < 0) break;
    count++;
    begin = at + sub->size;
  }
  return count;
}

int64_t py_str_count(rt_str *s, rt_str *sub, int64_t start, int64_t end) {
  py_str_adjust_indices(s->length, &start, &end);
  if (end - start < sub->length) return 0;
  return count_bytes(s, py_str_offset(s, start), py_str_offset(s, end), sub, INT64_MAX);
}

/* CPython's tailmatch: whether s[start:end] starts (or ends) with `part`. */
static bool tail_match(rt_str *s, rt_str *part, int64_t start, int64_t end, bool at_end) {
  py_str_adjust_indices(s->length, &start, &end);
  if (end - part->length < start) return false;
  if (part->size == 0) return true;
  int64_t begin = py_str_offset(s, start);
  int64_t stop = py_str_offset(s, end);
  /* The code-point lengths fit; the byte lengths of the two may still not. */
  if (stop - begin < part->size) return false;
  int64_t at = at_end ? stop - part->size : begin;
  return memcmp(s->data + at, part->data, (size_t)part->size) == 0;
}

bool py_str_startswith(rt_str *s, rt_str *prefix, int64_t start, int64_t end) {
  return tail_match(s, prefix, start, end, false);
}

bool py_str_endswith(rt_str *s, rt_str *suffix, int64_t start, int64_t end) {
  return tail_match(s, suffix, start, end, true);
}

static bool tail_match_any(rt_str *s, py_tuple *parts, int64_t start, int64_t end, bool at_end) {
  for (int64_t i = 0; i < parts->length; i++) {
    if (tail_match(s, (rt_str *)(intptr_t)parts->words[i], start, end, at_end)) return true;
  }
  return false;
}

bool py_str_startswith_tuple(rt_str *s, py_tuple *prefixes, int64_t start, int64_t end) {
  return tail_match_any(s, prefixes, start, end, false);
}

bool py_str_endswith_tuple(rt_str *s, py_tuple *suffixes, int64_t start, int64_t end) {
  return tail_match_any(s, suffixes, start, end, true);
}

/* ---- replacing and cutting -------------------------------------------------------------------- */

rt_str *py_str_replace(rt_str *s, rt_str *old, rt_str *new, int64_t count) {
  if (count < 0) count = INT64_MAX;
  int64_t matches = count_bytes(s, 0, s->size, old, count);
  if (matches == 0) return py_str_same(s);
  rt_buf b = {0};
  rt_buf_reserve(&b, (size_t)(s->size + matches * (new->size - old->size)));
  int64_t at = 0;
  for (int64_t i = 0; i < matches; i++) {
    /* An empty pattern matches before every code point, and at the end. */
    int64_t next = old->size == 0 ? at : search_forward(s, at, s->size, old);
    rt_buf_put(&b, s->data + at, (size_t)(next - at));
    rt_buf_put(&b, new->data, (size_t)new->size);
    at = next + old->size;
    if (old->size == 0 && at < s->size) {
      int64_t after = at + 1;
      while (after < s->size && !py_utf8_is_lead((unsigned char)s->data[after])) after++;
      rt_buf_put(&b, s->data + at, (size_t)(after - at));
      at = after;
    }
  }
  rt_buf_put(&b, s->data + at, (size_t)(s->size - at));
  return rt_buf_to_str(&b);
}

static const rt_str *three_strings(void) {
  static const rt_str *kinds;
  if (kinds == NULL) kinds = rt_str_immortal_from_cstr("ooo");
  return kinds;
}

/* (s[:begin], s[begin:end], s[end:]) in bytes, as a tuple of three strings. */
static py_tuple *cut(rt_str *s, int64_t begin, int64_t end) {
  py_tuple *parts = py_tuple_new(three_strings());
  parts->words[0] = (int64_t)(intptr_t)py_str_range(s, 0, begin);
  parts->words[1] = (int64_t)(intptr_t)py_str_range(s, begin, end);
  parts->words[2] = (int64_t)(intptr_t)py_str_range(s, end, s->size);
  return parts;
}

static py_tuple *partition(rt_str *s, rt_str *sep, bool last) {
  if (sep->size == 0) {
    rt_raise("ValueError", "empty separator");
    return NULL;
  }
  int64_t at = last ? search_backward(s, 0, s->size, sep) : search_forward(s, 0, s->size, sep);
  if (at < 0) return last ? cut(s, 0, 0) : cut(s, s->size, s->size);
  return cut(s, at, at + sep->size);
}

py_tuple *py_str_partition(rt_str *s, rt_str *sep) { return partition(s, sep, false); }

py_tuple *py_str_rpartition(rt_str *s, rt_str *sep) { return partition(s, sep, true); }

rt_str *py_str_removeprefix(rt_str *s, rt_str *prefix) {
  if (prefix->size <= s->size && memcmp(s->data, prefix->data, (size_t)prefix->size) == 0) {
    return py_str_range(s, prefix->size, s->size);
  }
  return py_str_same(s);
}

rt_str *py_str_removesuffix(rt_str *s, rt_str *suffix) {
  int64_t at = s->size - suffix->size;
  if (at >= 0 && memcmp(s->data + at, suffix->data, (size_t)suffix->size) == 0) return py_str_range(s, 0, at);
  return py_str_same(s);
}
