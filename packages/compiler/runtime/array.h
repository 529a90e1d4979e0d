/*
 * A growable array of fixed-size elements: the storage of a language's list or array object.
 *
 * It is a plain C structure, not a managed object, so that the compiler can embed it in an object's
 * fields: a list object is an `rt_object` header followed by an `rt_array`, whose drop function
 * releases the elements (rt_array_release_refs, rt_array_clear_with) and whose traverse function
 * visits them (rt_array_visit_refs, rt_array_for_each). Layout (32 bytes, 8-byte aligned):
 *
 *   offset  0  char   *data          capacity * element_size bytes; NULL when capacity is 0
 *   offset  8  int64_t length        elements in use, [0, length)
 *   offset 16  int64_t capacity      elements allocated (length <= capacity)
 *   offset 24  int64_t element_size  bytes per element, > 0, fixed by rt_array_init
 *
 * A zeroed rt_array (what rt_alloc gives) is not yet usable: rt_array_init sets the element size.
 * Emitted code may read `data` and `length` directly; only these functions change them.
 *
 * Growth (CPython's list policy): growing to n elements allocates n + n/8 + 6 rounded down to a
 * multiple of 4, or just n rounded up to a multiple of 4 when one step adds more than that
 * over-allocation would (a large extend), so a long run of appends costs amortised O(1) with at most
 * ~12.5% unused room. Shrinking: a removal that leaves fewer than half the capacity in use
 * reallocates to the same over-allocated size of the new length, so a drained array gives its
 * memory back but an array that alternates between pushes and pops near a boundary does not
 * reallocate each time. Growing never shrinks (room made by rt_array_reserve stays).
 *
 * Preconditions are the caller's (it checks them and raises its language's error): indexes in range,
 * pop of a non-empty array. Pointers into `data` are invalidated by any call that changes the
 * length or capacity; an element passed in may itself be one of the array's (it is read before it
 * could move). Out of memory (or a size beyond the address space) is rt_out_of_memory().
 */
#ifndef TOOLCHAIN_ARRAY_H
#define TOOLCHAIN_ARRAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "object.h"

typedef struct rt_array {
  char *data;
  int64_t length;
  int64_t capacity;
  int64_t element_size;
} rt_array;

/* An empty array of elements of `element_size` bytes (> 0) with room for exactly `capacity` (>= 0). */
void rt_array_init(rt_array *array, int64_t element_size, int64_t capacity);

static inline int64_t rt_array_length(const rt_array *array) { return array->length; }

/* The element at `index`, 0 <= index < length (not checked); index == length gives the end pointer. */
static inline void *rt_array_at(const rt_array *array, int64_t index) {
  return array->data + index * array->element_size;
}

/* Copies `element` (element_size bytes) over the element at `index`, 0 <= index < length. */
void rt_array_set(rt_array *array, int64_t index, const void *element);

/* Appends a copy of `element` (zeroes when NULL); returns the new element. */
void *rt_array_append(rt_array *array, const void *element);

/* Appends `count` (>= 0) elements copied from `elements` (zeroes when NULL); returns the first new
   one. `elements` may point into the array itself (a list extended by itself). */
void *rt_array_extend(rt_array *array, const void *elements, int64_t count);

/* Inserts a copy of `element` (zeroes when NULL) before the element at `index`, 0 <= index <= length
   (index == length appends); returns the new element. */
void *rt_array_insert(rt_array *array, int64_t index, const void *element);

/* Removes the element at `index`, 0 <= index < length, copying it to `removed` unless that is NULL. */
void rt_array_remove(rt_array *array, int64_t index, void *removed);

/* Removes the last element (length > 0), copying it to `removed` unless that is NULL. */
void rt_array_pop(rt_array *array, void *removed);

/* Keeps the first `length` elements, 0 <= length <= the current length; the rest are forgotten (their
   references, if any, are the caller's to release first). May shrink the storage. */
void rt_array_truncate(rt_array *array, int64_t length);

/* Makes room for `capacity` elements in all (exactly that many when it grows). */
void rt_array_reserve(rt_array *array, int64_t capacity);

/* Frees the storage: the array is empty, capacity 0, still usable. Harmless to call twice. */
void rt_array_free(rt_array *array);

/* Calls `visit` on each element in order. `visit` must not change the array's length or storage. */
void rt_array_for_each(const rt_array *array, void (*visit)(void *element, void *context), void *context);

/* A drop function's helper: detaches the elements first (the array is empty, storage freed, before
   any callback runs, so a collection started by a release finds nothing in it), then calls `release`
   on each in order. */
void rt_array_clear_with(rt_array *array, void (*release)(void *element, void *context), void *context);

/* For arrays of references (element_size == sizeof(rt_object *), NULL elements allowed): releases each
   the way rt_array_clear_with does, and frees the storage. */
void rt_array_release_refs(rt_array *array);

/* For arrays of references: visits each non-NULL element (a traverse function's body). */
void rt_array_visit_refs(const rt_array *array, rt_visit_fn visit, void *context);

/* An array object (ir/layouts.ts `arrayLayout`): a managed object whose fields are an rt_array,
   called from emitted code with the object. Appends a zeroed element, which the caller then writes;
   returns its address. */
void *rt_array_object_append(void *object);

/* Shortens an array object to `length` (<= its length). The elements past it are not released: the
   caller has taken them over or released them. */
void rt_array_object_truncate(void *object, int64_t length);

/* Opens a zeroed element at `index` (0 <= index <= length), which the caller then writes; its address. */
void *rt_array_object_insert(void *object, int64_t index);

/* Closes the element at `index` (0 <= index < length) without releasing it (the caller took it). */
void rt_array_object_remove(void *object, int64_t index);

/* Reverses the elements in place (moved, so no reference is counted). */
void rt_array_object_reverse(void *object);

#endif
