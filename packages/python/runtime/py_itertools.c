/*
 * The index walks behind itertools.product, permutations and combinations (py_runtime.h): which
 * positions of the pools each element takes, in CPython 3.11's order (Modules/itertoolsmodule.c's
 * product_next, permutations_next and combinations_next). Emitted code keeps the pools as lists
 * and builds each element's tuple from them, so a walk knows only positions and sizes.
 */
#include <stdlib.h>
#include <string.h>

#include "py_containers.h"
#include "py_runtime.h"

enum { WALK_PRODUCT = 'x', WALK_PERMUTATIONS = 'p', WALK_COMBINATIONS = 'c' };
enum { WALK_NOT_STARTED = 0, WALK_RUNNING = 1, WALK_DONE = 2 };

static void walk_drop(rt_object *object) {
  py_index_walk *walk = (py_index_walk *)object;
  free(walk->indices);
  free(walk->limits);
  walk->indices = NULL;
  walk->limits = NULL;
}

const rt_layout py_index_walk_layout = {
    .name = "index_walk",
    .type_id = PY_INDEX_WALK_TYPE_ID,
    .flags = 0,
    .size = sizeof(py_index_walk),
    .drop = walk_drop,
    .traverse = NULL,
};

static py_index_walk *new_walk(int64_t mode, int64_t n, int64_t r, int64_t index_count) {
  py_index_walk *walk = (py_index_walk *)rt_alloc(&py_index_walk_layout, sizeof(py_index_walk), NULL);
  walk->mode = mode;
  walk->n = n;
  walk->r = r;
  size_t words = (size_t)(index_count > 0 ? index_count : 1);
  walk->indices = rt_malloc(words * sizeof(int64_t));
  walk->limits = rt_malloc((size_t)(r > 0 ? r : 1) * sizeof(int64_t));
  memset(walk->limits, 0, (size_t)(r > 0 ? r : 1) * sizeof(int64_t));
  return walk;
}

py_index_walk *py_walk_product(int64_t r) { return new_walk(WALK_PRODUCT, 0, r, r); }

void py_walk_set_size(py_index_walk *walk, int64_t part, int64_t size) { walk->limits[part] = size; }

py_index_walk *py_walk_permutations(int64_t n, int64_t r) {
  if (r < 0) {
    rt_raise("ValueError", "r must be non-negative");
    return NULL;
  }
  return new_walk(WALK_PERMUTATIONS, n, r, n);
}

py_index_walk *py_walk_combinations(int64_t n, int64_t r) {
  if (r < 0) {
    rt_raise("ValueError", "r must be non-negative");
    return NULL;
  }
  return new_walk(WALK_COMBINATIONS, n, r, r);
}

/* The first element: whether there is one. */
static bool first(py_index_walk *walk) {
  int64_t n = walk->n, r = walk->r;
  switch (walk->mode) {
    case WALK_PRODUCT:
      for (int64_t i = 0; i < r; i++) {
        if (walk->limits[i] == 0) return false;
        walk->indices[i] = 0;
      }
      return true;
    case WALK_PERMUTATIONS:
      if (r > n) return false;
      for (int64_t i = 0; i < n; i++) walk->indices[i] = i;
      /* cycles = range(n, n - r, -1) */
      for (int64_t i = 0; i < r; i++) walk->limits[i] = n - i;
      return true;
    default:
      if (r > n) return false;
      for (int64_t i = 0; i < r; i++) walk->indices[i] = i;
      return true;
  }
}

/* The odometer: the rightmost position that can move moves, those after it start over. */
static bool next_product(py_index_walk *walk) {
  for (int64_t i = walk->r - 1; i >= 0; i--) {
    if (++walk->indices[i] < walk->limits[i]) return true;
    walk->indices[i] = 0;
  }
  return false;
}

static bool next_permutation(py_index_walk *walk) {
  int64_t n = walk->n;
  int64_t *indices = walk->indices, *cycles = walk->limits;
  for (int64_t i = walk->r - 1; i >= 0; i--) {
    cycles[i]--;
    if (cycles[i] == 0) {
      /* indices[i:] = indices[i + 1:] + indices[i:i + 1] */
      int64_t index = indices[i];
      memmove(&indices[i], &indices[i + 1], (size_t)(n - 1 - i) * sizeof *indices);
      indices[n - 1] = index;
      cycles[i] = n - i;
    } else {
      int64_t j = cycles[i];
      int64_t swapped = indices[i];
      indices[i] = indices[n - j];
      indices[n - j] = swapped;
      return true;
    }
  }
  return false;
}

static bool next_combination(py_index_walk *walk) {
  int64_t n = walk->n, r = walk->r;
  int64_t *indices = walk->indices;
  /* The rightmost index not at its maximum, i + n - r, moves up; those after it follow it. */
  int64_t i = r - 1;
  while (i >= 0 && indices[i] == i + n - r) i--;
  if (i < 0) return false;
  indices[i]++;
  for (int64_t j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
  return true;
}

bool py_walk_next(py_index_walk *walk) {
  if (walk->state == WALK_DONE) return false;
  bool more;
  if (walk->state == WALK_NOT_STARTED) more = first(walk);
  else if (walk->mode == WALK_PRODUCT) more = next_product(walk);
  else if (walk->mode == WALK_PERMUTATIONS) more = next_permutation(walk);
  else more = next_combination(walk);
  walk->state = more ? WALK_RUNNING : WALK_DONE;
  return more;
}

int64_t py_walk_index(py_index_walk *walk, int64_t part) { return walk->indices[part]; }
