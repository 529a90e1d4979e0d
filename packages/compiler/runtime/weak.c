/*
 * Weak references (runtime.h): a cell between the weak references and their target, cleared when the
 * target is dropped. The cell holds no reference, so it needs no drop or traverse function.
 */
#include "runtime.h"

enum { WEAK_CELL_TYPE_ID = 4 };

struct rt_weak_cell {
  rt_object header;
  rt_object *target; /* NULL once the target was dropped */
};

const rt_layout rt_weak_cell_layout = {
    .name = "weak",
    .type_id = WEAK_CELL_TYPE_ID,
    .flags = 0,
    .size = sizeof(rt_weak_cell),
    .drop = NULL,
    .traverse = NULL,
};

/* The first field of an object weak references may observe: its cell, or NULL. */
static rt_weak_cell **cell_field(rt_object *object) {
  return (rt_weak_cell **)(object + 1);
}

rt_weak_cell *rt_weak_new(void *target) {
  rt_weak_cell **field = cell_field(target);
  if (*field == NULL) {
    rt_weak_cell *cell = (rt_weak_cell *)rt_alloc(&rt_weak_cell_layout, sizeof(rt_weak_cell), NULL);
    cell->target = target;
    *field = cell; /* the target's count of its cell */
  }
  rt_retain(&(*field)->header);
  return *field;
}

bool rt_weak_alive(rt_weak_cell *cell) {
  return cell->target != NULL;
}

void *rt_weak_upgrade(rt_weak_cell *cell) {
  rt_retain(cell->target);
  return cell->target;
}

void rt_weak_detach(rt_object *object) {
  rt_weak_cell *cell = *cell_field(object);
  if (cell != NULL) cell->target = NULL;
}
