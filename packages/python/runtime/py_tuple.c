/*
 * Python's tuple: a fixed run of words, each with its own kind (py_containers.h). Emitted code
 * fills a new tuple's words and reads them through `items`, as it reads a list's data.
 */
#include <string.h>

#include "py_containers.h"

static void tuple_drop(rt_object *object) {
  py_tuple *tuple = (py_tuple *)object;
  for (int64_t i = 0; i < tuple->length; i++) {
    int64_t word = tuple->words[i];
    tuple->words[i] = 0;
    /* A slot still zero was never filled: an error struck while the tuple was being built. */
    if (word != 0) py_word_release(word, tuple->kinds->data[i]);
  }
}

static void tuple_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  py_tuple *tuple = (py_tuple *)object;
  for (int64_t i = 0; i < tuple->length; i++) {
    rt_object *child = py_word_object(tuple->words[i], tuple->kinds->data[i]);
    if (child != NULL) visit(child, context);
  }
}

const rt_layout py_tuple_layout = {
    .name = "tuple",
    .type_id = PY_TUPLE_TYPE_ID,
    .flags = RT_LAYOUT_HOLDS_REFS,
    .size = sizeof(py_tuple),
    .drop = tuple_drop,
    .traverse = tuple_traverse,
};

/*
 * Tuples are immutable, so one can be in a cycle only through a mutable object among its elements.
 * Where the static types rule that out, the tuple is not tracked: it saves the collector's 16-byte
 * prefix (a pair is 64 bytes instead of 80) and the scans. binary-trees (npm run bench, depth 17):
 * 1.12 s and 43 MB peak tracked, 0.55 s and 35 MB not (C 0.40 s, 18 MB).
 */
const rt_layout py_acyclic_tuple_layout = {
    .name = "tuple",
    .type_id = PY_ACYCLIC_TUPLE_TYPE_ID,
    .flags = 0,
    .size = sizeof(py_tuple),
    .drop = tuple_drop,
    .traverse = NULL,
};

static py_tuple *new_tuple(const rt_layout *layout, const rt_str *kinds) {
  int64_t length = (int64_t)strlen(kinds->data);
  py_tuple *tuple = (py_tuple *)rt_alloc(layout, (int64_t)sizeof(py_tuple) + 8 * length, NULL);
  tuple->length = length;
  tuple->items = tuple->words;
  tuple->kinds = kinds;
  return tuple;
}

py_tuple *py_tuple_new(const rt_str *kinds) {
  /* Without objects among its words (ints, even big ones, floats, bools, None) it holds no cycle. */
  bool holds_objects = strchr(kinds->data, 'o') != NULL || strchr(kinds->data, 'a') != NULL;
  return new_tuple(holds_objects ? &py_tuple_layout : &py_acyclic_tuple_layout, kinds);
}

py_tuple *py_tuple_new_acyclic(const rt_str *kinds) { return new_tuple(&py_acyclic_tuple_layout, kinds); }
