/*
 * collections.deque (py_containers.h): a ring buffer of words of one kind, so both ends push and
 * pop in O(1), with CPython 3.11's methods, maxlen trimming, errors and messages
 * (Modules/_collectionsmodule.c). Its `state` counts the changes CPython's iterators notice (every
 * append, pop, non-empty clear and rotation that moves anything), so that iteration raises
 * "deque mutated during iteration" where CPython's does.
 */
#include <stdlib.h>
#include <string.h>

#include "py_containers.h"
#include "py_runtime.h"

#define MIN_CAPACITY 8

static inline int64_t slot(const py_deque *deque, int64_t position) {
  return (deque->head + position) & (deque->capacity - 1);
}

int64_t py_deque_word(const py_deque *deque, int64_t position) { return deque->items[slot(deque, position)]; }

/* Leaves the deque empty and holding nothing, then releases what it held (a release may reach the
   deque itself again through a cycle). */
static void release_all(py_deque *deque) {
  int64_t *items = deque->items;
  int64_t head = deque->head, length = deque->length, mask = deque->capacity - 1;
  deque->items = NULL;
  deque->capacity = 0;
  deque->head = 0;
  deque->length = 0;
  for (int64_t i = 0; i < length; i++) py_word_release(items[(head + i) & mask], deque->kind);
  free(items);
}

static void deque_drop(rt_object *object) { release_all((py_deque *)object); }

static void deque_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  py_deque *deque = (py_deque *)object;
  if (!py_kind_holds_objects(deque->kind)) return;
  for (int64_t i = 0; i < deque->length; i++) {
    rt_object *child = py_word_object(py_deque_word(deque, i), deque->kind);
    if (child != NULL) visit(child, context);
  }
}

const rt_layout py_deque_layout = {
    .name = "deque",
    .type_id = PY_DEQUE_TYPE_ID,
    .flags = RT_LAYOUT_HOLDS_REFS,
    .size = sizeof(py_deque),
    .drop = deque_drop,
    .traverse = deque_traverse,
};

py_deque *py_deque_new(int64_t kind, bool bounded, int64_t maxlen) {
  if (bounded && maxlen < 0) {
    rt_raise("ValueError", "maxlen must be non-negative");
    return NULL;
  }
  py_deque *deque = (py_deque *)rt_alloc(&py_deque_layout, sizeof(py_deque), NULL);
  deque->kind = kind;
  deque->maxlen = bounded ? maxlen : -1;
  return deque;
}

/* Moves the elements into a buffer of `capacity` words (a power of two, at least the length),
   the first at slot 0. */
static void reallocate(py_deque *deque, int64_t capacity) {
  int64_t *items = rt_malloc((size_t)capacity * sizeof *items);
  for (int64_t i = 0; i < deque->length; i++) items[i] = py_deque_word(deque, i);
  free(deque->items);
  deque->items = items;
  deque->capacity = capacity;
  deque->head = 0;
}

static void make_room(py_deque *deque) {
  if (deque->length < deque->capacity) return;
  if (deque->capacity > INT64_MAX / 2 / (int64_t)sizeof(int64_t)) rt_out_of_memory();
  reallocate(deque, deque->capacity == 0 ? MIN_CAPACITY : deque->capacity * 2);
}

/* A drained deque gives its memory back, by halves, keeping room for twice what it holds. */
static void maybe_shrink(py_deque *deque) {
  if (deque->capacity > MIN_CAPACITY && deque->length <= deque->capacity / 4) reallocate(deque, deque->capacity / 2);
}

/* The last element, its reference moved to the caller (length > 0). */
static int64_t take_right(py_deque *deque) {
  int64_t word = py_deque_word(deque, deque->length - 1);
  deque->length--;
  deque->state++;
  maybe_shrink(deque);
  return word;
}

static int64_t take_left(py_deque *deque) {
  int64_t word = deque->items[deque->head];
  deque->head = slot(deque, 1);
  deque->length--;
  deque->state++;
  maybe_shrink(deque);
  return word;
}

/* More than maxlen elements (never for an unbounded deque, whose maxlen is -1). */
static inline bool needs_trim(const py_deque *deque) { return (uint64_t)deque->maxlen < (uint64_t)deque->length; }

void py_deque_append_word(py_deque *deque, int64_t word) {
  py_word_retain(word, deque->kind);
  make_room(deque);
  deque->items[slot(deque, deque->length)] = word;
  deque->length++;
  /* A full bounded deque drops its leftmost element: that pop is the change iteration notices. */
  if (needs_trim(deque)) py_word_release(take_left(deque), deque->kind);
  else deque->state++;
}

void py_deque_append_obj(py_deque *deque, rt_object *object) { py_deque_append_word(deque, (int64_t)(intptr_t)object); }

void py_deque_appendleft_word(py_deque *deque, int64_t word) {
  py_word_retain(word, deque->kind);
  make_room(deque);
  deque->head = slot(deque, deque->capacity - 1);
  deque->items[deque->head] = word;
  deque->length++;
  if (needs_trim(deque)) py_word_release(take_right(deque), deque->kind);
  else deque->state++;
}

void py_deque_appendleft_obj(py_deque *deque, rt_object *object) {
  py_deque_appendleft_word(deque, (int64_t)(intptr_t)object);
}

static bool check_not_empty(const py_deque *deque) {
  if (deque->length > 0) return true;
  rt_raise("IndexError", "pop from an empty deque");
  return false;
}

int64_t py_deque_pop_word(py_deque *deque) { return check_not_empty(deque) ? take_right(deque) : 0; }
rt_object *py_deque_pop_obj(py_deque *deque) { return (rt_object *)(intptr_t)py_deque_pop_word(deque); }
int64_t py_deque_popleft_word(py_deque *deque) { return check_not_empty(deque) ? take_left(deque) : 0; }
rt_object *py_deque_popleft_obj(py_deque *deque) { return (rt_object *)(intptr_t)py_deque_popleft_word(deque); }

/* The elements of `other` as they are now (it may be `deque` itself, which CPython copies first). */
static int64_t *snapshot(const py_deque *other, int64_t *count) {
  *count = other->length;
  int64_t *words = rt_malloc((size_t)(other->length > 0 ? other->length : 1) * sizeof *words);
  for (int64_t i = 0; i < other->length; i++) words[i] = py_deque_word(other, i);
  for (int64_t i = 0; i < other->length; i++) py_word_retain(words[i], other->kind);
  return words;
}

static void release_snapshot(int64_t *words, int64_t count, int64_t kind) {
  for (int64_t i = 0; i < count; i++) py_word_release(words[i], kind);
  free(words);
}

void py_deque_extend_deque(py_deque *deque, py_deque *other) {
  int64_t count;
  int64_t *words = snapshot(other, &count);
  /* maxlen 0 only consumes the iterable. */
  if (deque->maxlen != 0)
    for (int64_t i = 0; i < count; i++) py_deque_append_word(deque, words[i]);
  release_snapshot(words, count, other->kind);
}

void py_deque_extendleft_deque(py_deque *deque, py_deque *other) {
  int64_t count;
  int64_t *words = snapshot(other, &count);
  if (deque->maxlen != 0)
    for (int64_t i = 0; i < count; i++) py_deque_appendleft_word(deque, words[i]);
  release_snapshot(words, count, other->kind);
}

void py_deque_clear(py_deque *deque) {
  if (deque->length == 0) return;
  deque->state++;
  release_all(deque);
}

int64_t py_deque_length(py_deque *deque) { return deque->length; }

static bool contains(const py_deque *deque, int64_t word) {
  for (int64_t i = 0; i < deque->length; i++) {
    if (py_word_eq(py_deque_word(deque, i), word, deque->kind)) return true;
    if (rt_error_pending) return false;
  }
  return false;
}

bool py_deque_contains_word(py_deque *deque, int64_t word) { return contains(deque, word); }
bool py_deque_contains_obj(py_deque *deque, rt_object *object) { return contains(deque, (int64_t)(intptr_t)object); }

/* Python's index: negative from the end; false (with IndexError) when out of range. */
static bool normalize_index(const py_deque *deque, int64_t *index) {
  if (*index < 0) *index += deque->length;
  if (*index >= 0 && *index < deque->length) return true;
  rt_raise("IndexError", "deque index out of range");
  return false;
}

int64_t py_deque_get_word(py_deque *deque, int64_t index) {
  return normalize_index(deque, &index) ? py_deque_word(deque, index) : 0;
}

rt_object *py_deque_get_obj(py_deque *deque, int64_t index) {
  return (rt_object *)(intptr_t)py_deque_get_word(deque, index);
}

int64_t py_deque_item_word(py_deque *deque, int64_t position) { return py_deque_word(deque, position); }
rt_object *py_deque_item_obj(py_deque *deque, int64_t position) {
  return (rt_object *)(intptr_t)py_deque_word(deque, position);
}

/* Replacing an element is no change iteration notices (CPython's deque_ass_item keeps the state). */
void py_deque_set_word(py_deque *deque, int64_t index, int64_t word) {
  if (!normalize_index(deque, &index)) return;
  int64_t at = slot(deque, index);
  int64_t old = deque->items[at];
  py_word_retain(word, deque->kind);
  deque->items[at] = word;
  py_word_release(old, deque->kind);
}

void py_deque_set_obj(py_deque *deque, int64_t index, rt_object *object) {
  py_deque_set_word(deque, index, (int64_t)(intptr_t)object);
}

void py_deque_rotate(py_deque *deque, int64_t n) {
  int64_t length = deque->length, half = length >> 1;
  if (length <= 1) return;
  /* CPython's _deque_rotate: the shorter way round. */
  if (n > half || n < -half) {
    n %= length;
    if (n > half) n -= length;
    else if (n < -half) n += length;
  }
  deque->state++;
  if (deque->length == deque->capacity) {
    /* A full ring rotates by moving its head. */
    deque->head = slot(deque, deque->capacity - n);
    return;
  }
  for (; n > 0; n--) {
    int64_t word = deque->items[slot(deque, deque->length - 1)];
    deque->head = slot(deque, deque->capacity - 1);
    deque->items[deque->head] = word;
  }
  for (; n < 0; n++) {
    int64_t word = deque->items[deque->head];
    deque->items[slot(deque, deque->length)] = word;
    deque->head = slot(deque, 1);
  }
}

int64_t py_deque_state(py_deque *deque) { return deque->state; }

void py_deque_check_state(py_deque *deque, int64_t state) {
  if (deque->state != state) rt_raise("RuntimeError", "deque mutated during iteration");
}
