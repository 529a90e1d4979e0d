/*
 * An iterator kept as a value (`it = iter(xs)`): the list it walks and its position. iter() of a
 * list walks the list itself, so it sees the list as it is when each element is taken, as CPython's
 * list iterator does; of anything else, a list of its elements made then. Emitted code reads the two
 * fields and takes an element by moving the position (python-layouts.ts), so only making one and
 * freeing it are here.
 */
#include "py_containers.h"

static void iterator_drop(rt_object *object) {
  py_iterator *iterator = (py_iterator *)object;
  rt_object *list = &iterator->list->header;
  iterator->list = NULL;
  rt_release(list);
}

static void iterator_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  py_iterator *iterator = (py_iterator *)object;
  if (iterator->list != NULL) visit(&iterator->list->header, context);
}

const rt_layout py_iterator_layout = {
    .name = "list_iterator",
    .type_id = PY_ITERATOR_TYPE_ID,
    .flags = RT_LAYOUT_HOLDS_REFS,
    .size = sizeof(py_iterator),
    .drop = iterator_drop,
    .traverse = iterator_traverse,
};

py_iterator *py_iter_new(py_list *list) {
  py_iterator *iterator = (py_iterator *)rt_alloc(&py_iterator_layout, sizeof(py_iterator), NULL);
  rt_retain(&list->header);
  iterator->list = list;
  iterator->position = 0;
  return iterator;
}
