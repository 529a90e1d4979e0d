/*
 * Python's tuple: a fixed run of words, each with its own kind (py_containers.h). Emitted code
 * fills a new tuple's words and reads them through `items`, as it reads a list's data.
 */
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
    if (tuple->kinds->data[i] == 'o' && tuple->words[i] != 0) visit((rt_object *)(intptr_t)tuple->words[i], context);
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

py_tuple *py_tuple_new(const rt_str *kinds) {
  int64_t length = kinds->size;
  py_tuple *tuple = (py_tuple *)rt_alloc(&py_tuple_layout, (int64_t)sizeof(py_tuple) + 8 * length, NULL);
  tuple->length = length;
  tuple->items = tuple->words;
  tuple->kinds = kinds;
  return tuple;
}
