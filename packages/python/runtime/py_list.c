/*
 * Python's list: a growable array of words of one kind (py_containers.h), with CPython's methods,
 * slicing rules, errors and messages. Sorting is a stable merge sort (CPython's is timsort: the
 * same order, since both are stable; timsort's run detection is a speed matter for later).
 */
#include <stdlib.h>
#include <string.h>

#include "py_containers.h"
#include "py_runtime.h"

static void list_drop(rt_object *object) {
  py_list *list = (py_list *)object;
  if (list->kind == 'o') {
    rt_array_release_refs(&list->items);
    return;
  }
  if (list->kind == 'i' || list->kind == 'a')
    for (int64_t i = 0; i < list->items.length; i++) py_int_release(((int64_t *)list->items.data)[i]);
  rt_array_free(&list->items);
}

static void list_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  py_list *list = (py_list *)object;
  if (list->kind == 'o') rt_array_visit_refs(&list->items, visit, context);
  if (list->kind != 'a') return;
  for (int64_t i = 0; i < list->items.length; i++) {
    rt_object *child = py_word_object(((int64_t *)list->items.data)[i], 'a');
    if (child != NULL) visit(child, context);
  }
}

const rt_layout py_list_layout = {
    .name = "list",
    .type_id = PY_LIST_TYPE_ID,
    .flags = RT_LAYOUT_HOLDS_REFS,
    .size = sizeof(py_list),
    .drop = list_drop,
    .traverse = list_traverse,
};

/* Bytes per element of a kind: bool and None need one. */
static int64_t element_size(int64_t kind) { return kind == 'b' || kind == 'n' ? 1 : 8; }

int64_t py_list_word(const py_list *list, int64_t index) {
  if (list->items.element_size == 1) return (unsigned char)list->items.data[index];
  return ((const int64_t *)list->items.data)[index];
}

void py_list_put_word(py_list *list, int64_t index, int64_t word) {
  if (list->items.element_size == 1) list->items.data[index] = (char)word;
  else ((int64_t *)list->items.data)[index] = word;
}

static void *word_bytes(const py_list *list, int64_t *word) {
  if (list->items.element_size == 1) return (char *)word; /* little-endian: the low byte first */
  return word;
}

py_list *py_list_new(int64_t kind, int64_t capacity) {
  py_list *list = (py_list *)rt_alloc(&py_list_layout, sizeof(py_list), NULL);
  list->kind = kind;
  rt_array_init(&list->items, element_size(kind), capacity);
  return list;
}

void py_list_append_word(py_list *list, int64_t word) {
  py_word_retain(word, list->kind);
  rt_array_append(&list->items, word_bytes(list, &word));
}

void py_list_append_obj(py_list *list, rt_object *object) { py_list_append_word(list, (int64_t)(intptr_t)object); }

/* Python's index normalisation for pop and del: negative from the end; false when out of range. */
static bool normalize_index(const py_list *list, int64_t *index) {
  if (*index < 0) *index += list->items.length;
  return *index >= 0 && *index < list->items.length;
}

int64_t py_list_pop_word(py_list *list, int64_t index) {
  if (list->items.length == 0) {
    rt_raise("IndexError", "pop from empty list");
    return 0;
  }
  if (!normalize_index(list, &index)) {
    rt_raise("IndexError", "pop index out of range");
    return 0;
  }
  int64_t word = py_list_word(list, index);
  rt_array_remove(&list->items, index, NULL);
  return word; /* an 'o' word's reference moves to the caller */
}

rt_object *py_list_pop_obj(py_list *list, int64_t index) {
  return (rt_object *)(intptr_t)py_list_pop_word(list, index);
}

void py_list_insert_word(py_list *list, int64_t index, int64_t word) {
  int64_t length = list->items.length;
  if (index < 0) index = index + length < 0 ? 0 : index + length;
  if (index > length) index = length;
  py_word_retain(word, list->kind);
  rt_array_insert(&list->items, index, word_bytes(list, &word));
}

void py_list_insert_obj(py_list *list, int64_t index, rt_object *object) {
  py_list_insert_word(list, index, (int64_t)(intptr_t)object);
}

/* The first position of an element equal to word at or after `from`, or -1 (or -1 with an error). */
static int64_t find(const py_list *list, int64_t word) {
  for (int64_t i = 0; i < list->items.length; i++) {
    if (py_word_eq(py_list_word(list, i), word, list->kind)) return i;
    if (rt_error_pending) return -1;
  }
  return -1;
}

bool py_list_contains_word(py_list *list, int64_t word) { return find(list, word) >= 0; }
bool py_list_contains_obj(py_list *list, rt_object *object) { return find(list, (int64_t)(intptr_t)object) >= 0; }

int64_t py_list_index_word(py_list *list, int64_t word) {
  int64_t at = find(list, word);
  if (at < 0 && !rt_error_pending) {
    rt_buf b = {0};
    py_word_repr(&b, word, list->kind);
    rt_buf_puts(&b, " is not in list");
    rt_buf_putc(&b, '\0');
    rt_raise("ValueError", b.data);
    rt_buf_free(&b);
  }
  return at;
}

int64_t py_list_index_obj(py_list *list, rt_object *object) {
  return py_list_index_word(list, (int64_t)(intptr_t)object);
}

int64_t py_list_count_word(py_list *list, int64_t word) {
  int64_t count = 0;
  for (int64_t i = 0; i < list->items.length && !rt_error_pending; i++) {
    if (py_word_eq(py_list_word(list, i), word, list->kind)) count++;
  }
  return count;
}

int64_t py_list_count_obj(py_list *list, rt_object *object) {
  return py_list_count_word(list, (int64_t)(intptr_t)object);
}

int64_t py_list_run_end(py_list *list, int64_t start) {
  int64_t first = py_list_word(list, start);
  int64_t end = start + 1;
  while (end < list->items.length && py_word_eq(py_list_word(list, end), first, list->kind)) end++;
  return end;
}

void py_list_remove_word(py_list *list, int64_t word) {
  int64_t at = find(list, word);
  if (at < 0) {
    if (!rt_error_pending) rt_raise("ValueError", "list.remove(x): x not in list");
    return;
  }
  int64_t removed = py_list_word(list, at);
  rt_array_remove(&list->items, at, NULL);
  py_word_release(removed, list->kind);
}

void py_list_remove_obj(py_list *list, rt_object *object) { py_list_remove_word(list, (int64_t)(intptr_t)object); }

/* Appends count words from `words` (the same kind and element size), taking a reference to each. */
static void append_words(py_list *list, const char *words, int64_t count) {
  char *first = rt_array_extend(&list->items, words, count);
  if (py_kind_counted(list->kind)) {
    for (int64_t i = 0; i < count; i++) py_word_retain(((int64_t *)first)[i], list->kind);
  }
}

void py_list_extend(py_list *list, py_list *other) { append_words(list, other->items.data, other->items.length); }

py_list *py_list_concat(py_list *a, py_list *b) {
  py_list *result = py_list_new(a->kind, a->items.length + b->items.length);
  append_words(result, a->items.data, a->items.length);
  append_words(result, b->items.data, b->items.length);
  return result;
}

py_list *py_list_repeat(py_list *list, int64_t n) {
  int64_t length = list->items.length;
  if (n <= 0 || length == 0) return py_list_new(list->kind, 0);
  if (length > INT64_MAX / 8 / n) {
    rt_raise("MemoryError", "");
    return py_list_new(list->kind, 0);
  }
  py_list *result = py_list_new(list->kind, length * n);
  /* One allocation, then the copies doubled with memcpy, as CPython's list_repeat does: appending n
     times cost a call per copy (measured: 30% of the sieve benchmark's `[True] * (n + 1)`). */
  int64_t size = list->items.element_size;
  char *data = rt_array_extend(&result->items, NULL, length * n);
  memcpy(data, list->items.data, (size_t)(length * size));
  for (int64_t done = length; done < length * n;) {
    int64_t chunk = done < length * n - done ? done : length * n - done;
    memcpy(data + done * size, data, (size_t)(chunk * size));
    done += chunk;
  }
  if (py_kind_counted(list->kind)) {
    for (int64_t i = 0; i < length * n; i++) py_word_retain(((int64_t *)data)[i], list->kind);
  }
  return result;
}

/* PySlice_AdjustIndices: the start, stop and count of a slice of a sequence of `length`. */
int64_t py_slice_adjust(int64_t length, int64_t *start, bool has_start, int64_t *stop, bool has_stop, int64_t step) {
  if (!has_start) *start = step < 0 ? length - 1 : 0;
  else if (*start < 0) *start = *start + length < 0 ? (step < 0 ? -1 : 0) : *start + length;
  else if (*start >= length) *start = step < 0 ? length - 1 : length;
  if (!has_stop) *stop = step < 0 ? -1 : length;
  else if (*stop < 0) *stop = *stop + length < 0 ? (step < 0 ? -1 : 0) : *stop + length;
  else if (*stop >= length) *stop = step < 0 ? length - 1 : length;
  if (step < 0) return *stop < *start ? (*start - *stop - 1) / -step + 1 : 0;
  return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

py_list *py_list_slice(py_list *list, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step) {
  if (step == 0) {
    rt_raise("ValueError", "slice step cannot be zero");
    return py_list_new(list->kind, 0);
  }
  int64_t count = py_slice_adjust(list->items.length, &start, has_start, &stop, has_stop, step);
  py_list *result = py_list_new(list->kind, count);
  if (step == 1) {
    append_words(result, rt_array_at(&list->items, start), count);
    return result;
  }
  for (int64_t i = 0, at = start; i < count; i++, at += step) {
    int64_t word = py_list_word(list, at);
    py_word_retain(word, list->kind);
    rt_array_append(&result->items, word_bytes(result, &word));
  }
  return result;
}

void py_list_delete(py_list *list, int64_t index) {
  if (!normalize_index(list, &index)) {
    rt_raise("IndexError", "list assignment index out of range");
    return;
  }
  int64_t removed = py_list_word(list, index);
  rt_array_remove(&list->items, index, NULL);
  py_word_release(removed, list->kind);
}

void py_list_reverse(py_list *list) {
  for (int64_t i = 0, j = list->items.length - 1; i < j; i++, j--) {
    int64_t a = py_list_word(list, i);
    py_list_put_word(list, i, py_list_word(list, j));
    py_list_put_word(list, j, a);
  }
}

/*
 * A stable merge sort of positions by their keys' order, so the list's words and (for key=) a
 * parallel list of keys move together. `reverse` sorts descending and stays stable, as CPython's
 * reverse=True does (it is not the reverse of the ascending order: equal elements keep their order).
 */
typedef struct sort_state {
  const py_list *keys;
  bool reverse;
} sort_state;

/* Whether key b must come before key a (so a "less than" that respects stability and reverse). */
static bool before(const sort_state *s, int64_t a, int64_t b) {
  /* After a failed comparison no other is made: the first error is the one CPython reports. */
  if (rt_error_pending) return false;
  int64_t order = py_word_compare(py_list_word(s->keys, b), py_list_word(s->keys, a), s->keys->kind);
  return s->reverse ? order > 0 : order < 0;
}

static void merge_sort(const sort_state *s, int64_t *positions, int64_t *scratch, int64_t n) {
  if (n < 2 || rt_error_pending) return;
  if (n <= 8) {
    for (int64_t i = 1; i < n; i++) {
      int64_t p = positions[i];
      int64_t j = i;
      while (j > 0 && before(s, positions[j - 1], p)) {
        positions[j] = positions[j - 1];
        j--;
      }
      positions[j] = p;
    }
    return;
  }
  int64_t half = n / 2;
  merge_sort(s, positions, scratch, half);
  merge_sort(s, positions + half, scratch, n - half);
  if (rt_error_pending) return;
  memcpy(scratch, positions, (size_t)half * sizeof *scratch);
  int64_t i = 0, j = half, k = 0;
  while (i < half && j < n) positions[k++] = before(s, scratch[i], positions[j]) ? positions[j++] : scratch[i++];
  while (i < half) positions[k++] = scratch[i++];
}

/* Puts the words of `list` in the order of `positions` (a permutation). */
static void permute(py_list *list, const int64_t *positions, int64_t n) {
  int64_t *words = malloc((size_t)n * sizeof *words);
  if (words == NULL && n > 0) rt_out_of_memory();
  for (int64_t i = 0; i < n; i++) words[i] = py_list_word(list, positions[i]);
  for (int64_t i = 0; i < n; i++) py_list_put_word(list, i, words[i]);
  free(words);
}

void py_list_sort_by_keys(py_list *list, py_list *keys, bool reverse) {
  int64_t n = list->items.length;
  int64_t *positions = malloc((size_t)(2 * n + 1) * sizeof *positions);
  if (positions == NULL) rt_out_of_memory();
  for (int64_t i = 0; i < n; i++) positions[i] = i;
  sort_state s = {keys, reverse};
  merge_sort(&s, positions, positions + n, n);
  /* On an error CPython leaves the list in some permutation; leaving it as it was is one. */
  if (!rt_error_pending) {
    permute(list, positions, n);
    if (keys != list) permute(keys, positions, n);
  }
  free(positions);
}

void py_list_sort(py_list *list, bool reverse) { py_list_sort_by_keys(list, list, reverse); }

py_list *py_list_copy(py_list *list) {
  py_list *result = py_list_new(list->kind, list->items.length);
  append_words(result, list->items.data, list->items.length);
  return result;
}

void py_list_clear(py_list *list) { list_drop(&list->header); }

/* list[start:stop:step] = other: a plain slice is replaced by other's elements (any number); an
   extended slice (step != 1) needs exactly as many, as CPython requires. */
void py_list_assign_slice(py_list *list, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step,
                          py_list *other) {
  if (step == 0) {
    rt_raise("ValueError", "slice step cannot be zero");
    return;
  }
  /* Copied first: `a[1:3] = a` reads the list it changes. */
  py_list *source = py_list_copy(other);
  int64_t count = py_slice_adjust(list->items.length, &start, has_start, &stop, has_stop, step);
  int64_t n = source->items.length;
  if (step != 1) {
    if (n != count) {
      rt_raisef("ValueError", "attempt to assign sequence of size %lld to extended slice of size %lld", (long long)n,
                (long long)count);
    } else {
      for (int64_t i = 0, at = start; i < count; i++, at += step) {
        int64_t old = py_list_word(list, at);
        int64_t word = py_list_word(source, i);
        py_word_retain(word, list->kind);
        py_list_put_word(list, at, word);
        py_word_release(old, list->kind);
      }
    }
    rt_release(&source->header);
    return;
  }
  if (stop < start) stop = start;
  /* Detach the old elements, then move the tail to make room for the new ones. */
  int64_t removed = stop - start;
  int64_t *old = malloc((size_t)(removed + 1) * sizeof *old);
  if (old == NULL) rt_out_of_memory();
  for (int64_t i = 0; i < removed; i++) old[i] = py_list_word(list, start + i);
  for (int64_t i = 0; i < removed; i++) rt_array_remove(&list->items, start, NULL);
  for (int64_t i = 0; i < n; i++) {
    int64_t word = py_list_word(source, i);
    py_word_retain(word, list->kind);
    rt_array_insert(&list->items, start + i, word_bytes(list, &word));
  }
  for (int64_t i = 0; i < removed; i++) py_word_release(old[i], list->kind);
  free(old);
  rt_release(&source->header);
}

void py_list_delete_slice(py_list *list, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step) {
  if (step == 0) {
    rt_raise("ValueError", "slice step cannot be zero");
    return;
  }
  int64_t count = py_slice_adjust(list->items.length, &start, has_start, &stop, has_stop, step);
  if (step < 0) {
    /* The same elements, walked upwards. */
    start = start + (count - 1) * step;
    step = -step;
  }
  int64_t *old = malloc((size_t)(count + 1) * sizeof *old);
  if (old == NULL) rt_out_of_memory();
  for (int64_t i = count - 1; i >= 0; i--) {
    int64_t at = start + i * step;
    old[i] = py_list_word(list, at);
    rt_array_remove(&list->items, at, NULL);
  }
  for (int64_t i = 0; i < count; i++) py_word_release(old[i], list->kind);
  free(old);
}
