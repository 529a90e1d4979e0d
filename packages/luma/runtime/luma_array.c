/*
 * `Array<T>.sort()` for the ordered element types (runtime/array.h's array object, its elements
 * moved by their bytes, so no reference changes hands): a stable merge sort, as Rust's `sort` is
 * stable. `kind` says how to compare two elements of the array's element size: 's' signed and 'u'
 * unsigned integers, 'f' floats (NaN compares equal to everything, so it stays where it is among
 * its neighbours), 'b' bools, 't' strings (by code point, as `<` on strings).
 */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "runtime.h"

static int64_t signed_at(const char *p, int64_t size) {
  switch (size) {
    case 1: return *(const int8_t *)p;
    case 2: return *(const int16_t *)p;
    case 4: return *(const int32_t *)p;
    default: return *(const int64_t *)p;
  }
}

static uint64_t unsigned_at(const char *p, int64_t size) {
  switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: return *(const uint16_t *)p;
    case 4: return *(const uint32_t *)p;
    default: return *(const uint64_t *)p;
  }
}

static int compare(const char *a, const char *b, int64_t size, int64_t kind) {
  switch (kind) {
    case 's': {
      int64_t x = signed_at(a, size), y = signed_at(b, size);
      return (x > y) - (x < y);
    }
    case 'u':
    case 'b': {
      uint64_t x = unsigned_at(a, size), y = unsigned_at(b, size);
      return (x > y) - (x < y);
    }
    case 'f': {
      double x = size == 4 ? *(const float *)a : *(const double *)a;
      double y = size == 4 ? *(const float *)b : *(const double *)b;
      return (x > y) - (x < y);
    }
    default: {
      rt_str *x, *y;
      memcpy(&x, a, sizeof x);
      memcpy(&y, b, sizeof y);
      return (int)rt_str_compare(x, y);
    }
  }
}

/* Sorts [from, to) of `data` into place, `scratch` as large, stably. */
static void merge_sort(char *data, char *scratch, int64_t from, int64_t to, int64_t size, int64_t kind) {
  if (to - from < 2) return;
  int64_t middle = from + (to - from) / 2;
  merge_sort(data, scratch, from, middle, size, kind);
  merge_sort(data, scratch, middle, to, size, kind);
  if (compare(data + (middle - 1) * size, data + middle * size, size, kind) <= 0) return;
  int64_t i = from, j = middle, k = from;
  while (i < middle && j < to) {
    /* Equal elements keep their order: the left one first. */
    const char *next = compare(data + j * size, data + i * size, size, kind) < 0 ? data + j++ * size : data + i++ * size;
    memcpy(scratch + k++ * size, next, (size_t)size);
  }
  memcpy(scratch + k * size, data + i * size, (size_t)((middle - i) * size));
  k += middle - i;
  memcpy(scratch + k * size, data + j * size, (size_t)((to - j) * size));
  memcpy(data + from * size, scratch + from * size, (size_t)((to - from) * size));
}

void luma_array_sort(void *object, int64_t kind) {
  rt_array *array = (rt_array *)((rt_object *)object + 1);
  if (array->length < 2) return;
  char *scratch = rt_malloc((size_t)(array->length * array->element_size));
  merge_sort(array->data, scratch, 0, array->length, array->element_size, kind);
  free(scratch);
}

/*
 * `sort_by`'s moves: `count` elements of `size` bytes from src[src_index] to dst[dst_index], by their
 * bytes, so no reference changes hands (compiled code merges between the array's buffer and a
 * scratch buffer, calling the program's closure to compare; C cannot call the closure).
 */
void luma_move_elements(void *dst, int64_t dst_index, void *src, int64_t src_index, int64_t count, int64_t size) {
  memcpy((char *)dst + dst_index * size, (const char *)src + src_index * size, (size_t)(count * size));
}
