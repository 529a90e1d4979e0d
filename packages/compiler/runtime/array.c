/* The growable array of fixed-size elements (array.h), with CPython's list growth policy. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* Bytes of `count` elements; a size no memory could hold is out of memory. */
static size_t bytes_of(const rt_array *array, int64_t count) {
  int64_t bytes;
  if (count < 0 || __builtin_mul_overflow(count, array->element_size, &bytes) || bytes > PTRDIFF_MAX)
    rt_out_of_memory();
  return (size_t)bytes;
}

static void reallocate(rt_array *array, int64_t capacity) {
  if (capacity == 0) {
    free(array->data);
    array->data = NULL;
  } else {
    array->data = rt_realloc(array->data, bytes_of(array, capacity));
  }
  array->capacity = capacity;
}

/* Sets the length, reallocating by the policy of array.h; new elements are left as they are. */
static void set_length(rt_array *array, int64_t length) {
  int64_t capacity = array->capacity;
  /* Growing within the capacity, or shrinking to at least half of it: nothing to reallocate. */
  if (length <= capacity && (length >= array->length || length >= capacity / 2)) {
    array->length = length;
    return;
  }
  bytes_of(array, length);
  if (length > INT64_MAX / 2) rt_out_of_memory();
  int64_t target = 0;
  if (length > 0) {
    target = (length + length / 8 + 6) & ~(int64_t)3;
    /* A step larger than the over-allocation (a big extend) gets no spare room beyond rounding. */
    if (length - array->length > target - length) target = (length + 3) & ~(int64_t)3;
  }
  /* Small arrays can come back to the size they have (a pop from 8 to 3 still asks for 8). */
  if (target != capacity) reallocate(array, target);
  array->length = length;
}

void rt_array_init(rt_array *array, int64_t element_size, int64_t capacity) {
  array->data = NULL;
  array->length = 0;
  array->capacity = 0;
  array->element_size = element_size;
  if (capacity > 0) reallocate(array, capacity);
}

void rt_array_set(rt_array *array, int64_t index, const void *element) {
  memmove(rt_array_at(array, index), element, (size_t)array->element_size);
}

/*
 * Opens `count` elements before `index` and fills them from `source` (zeroes when NULL). The source
 * may be elements of the array: its offset is taken before the storage can move, and moved with the
 * elements the gap shifts. (Through the public functions a source in the array is either one element,
 * or elements wholly before the gap, appended at the end: it never straddles the gap.)
 */
static void *open_gap(rt_array *array, int64_t index, int64_t count, const void *source) {
  if (count == 0) return rt_array_at(array, index);
  size_t size = (size_t)array->element_size;
  int64_t old_length = array->length;
  uintptr_t start = (uintptr_t)array->data, end = start + (uintptr_t)old_length * size;
  bool inside = source != NULL && start != 0 && (uintptr_t)source >= start && (uintptr_t)source < end;
  size_t source_offset = inside ? (size_t)((uintptr_t)source - start) : 0;
  if (count > INT64_MAX - old_length) rt_out_of_memory();
  set_length(array, old_length + count);
  char *gap = rt_array_at(array, index);
  size_t moved = (size_t)(old_length - index) * size;
  if (moved > 0) memmove(gap + (size_t)count * size, gap, moved);
  size_t filled = (size_t)count * size;
  if (source == NULL) {
    memset(gap, 0, filled);
  } else if (!inside) {
    memcpy(gap, source, filled);
  } else {
    if (source_offset >= (size_t)index * size) source_offset += filled;
    memcpy(gap, array->data + source_offset, filled);
  }
  return gap;
}

void *rt_array_append(rt_array *array, const void *element) {
  /* The common case first: room left, and an element from outside. */
  if (array->length < array->capacity && element != NULL &&
      ((uintptr_t)element < (uintptr_t)array->data ||
       (uintptr_t)element >= (uintptr_t)rt_array_at(array, array->length))) {
    void *slot = rt_array_at(array, array->length++);
    memcpy(slot, element, (size_t)array->element_size);
    return slot;
  }
  return open_gap(array, array->length, 1, element);
}

void *rt_array_extend(rt_array *array, const void *elements, int64_t count) {
  return open_gap(array, array->length, count, elements);
}

void *rt_array_insert(rt_array *array, int64_t index, const void *element) {
  return open_gap(array, index, 1, element);
}

void rt_array_remove(rt_array *array, int64_t index, void *removed) {
  size_t size = (size_t)array->element_size;
  char *at = rt_array_at(array, index);
  if (removed != NULL) memcpy(removed, at, size);
  size_t after = (size_t)(array->length - index - 1) * size;
  if (after > 0) memmove(at, at + size, after);
  set_length(array, array->length - 1);
}

void rt_array_pop(rt_array *array, void *removed) { rt_array_remove(array, array->length - 1, removed); }

void rt_array_truncate(rt_array *array, int64_t length) { set_length(array, length); }

void rt_array_reserve(rt_array *array, int64_t capacity) {
  if (capacity > array->capacity) reallocate(array, capacity);
}

static rt_array *array_of_object(void *object) { return (rt_array *)((rt_object *)object + 1); }

void *rt_array_object_append(void *object) { return rt_array_append(array_of_object(object), NULL); }

void rt_array_object_truncate(void *object, int64_t length) { rt_array_truncate(array_of_object(object), length); }

void *rt_array_object_insert(void *object, int64_t index) {
  return rt_array_insert(array_of_object(object), index, NULL);
}

void rt_array_object_remove(void *object, int64_t index) { rt_array_remove(array_of_object(object), index, NULL); }

void rt_array_object_reverse(void *object) {
  rt_array *array = array_of_object(object);
  size_t size = (size_t)array->element_size;
  char swap[256];
  for (int64_t i = 0, j = array->length - 1; i < j; i++, j--) {
    char *a = rt_array_at(array, i), *b = rt_array_at(array, j);
    /* Elements are moved, not copied: no reference changes hands. */
    for (size_t done = 0; done < size; done += sizeof swap) {
      size_t n = size - done < sizeof swap ? size - done : sizeof swap;
      memcpy(swap, a + done, n);
      memcpy(a + done, b + done, n);
      memcpy(b + done, swap, n);
    }
  }
}

void rt_array_free(rt_array *array) {
  free(array->data);
  array->data = NULL;
  array->length = 0;
  array->capacity = 0;
}

void rt_array_for_each(const rt_array *array, void (*visit)(void *element, void *context), void *context) {
  for (int64_t i = 0; i < array->length; i++) visit(rt_array_at(array, i), context);
}

void rt_array_clear_with(rt_array *array, void (*release)(void *element, void *context), void *context) {
  rt_array detached = *array;
  array->data = NULL;
  array->length = 0;
  array->capacity = 0;
  for (int64_t i = 0; i < detached.length; i++) release(rt_array_at(&detached, i), context);
  free(detached.data);
}

static void release_ref(void *element, void *context) {
  (void)context;
  rt_release(*(rt_object **)element);
}

void rt_array_release_refs(rt_array *array) { rt_array_clear_with(array, release_ref, NULL); }

void rt_array_visit_refs(const rt_array *array, rt_visit_fn visit, void *context) {
  rt_object *const *elements = (rt_object *const *)array->data;
  for (int64_t i = 0; i < array->length; i++)
    if (elements[i] != NULL) visit(elements[i], context);
}
