/*
 * heapq and bisect on lists: CPython's own algorithms (Lib/heapq.py's _siftdown/_siftup,
 * Modules/_bisectmodule.c), so equal elements end up where CPython puts them and a heap prints as
 * CPython's does. Elements compare with py_word_compare; an ordering error stops the operation with
 * the list as it stands, as CPython's does.
 */
#include "py_containers.h"
#include "py_runtime.h"

static bool less(const py_list *list, int64_t a, int64_t b) {
  return py_word_compare(a, b, list->kind) < 0;
}

/* Moves the item at pos up towards startpos while it is less than its parent. */
static void sift_down(py_list *heap, int64_t startpos, int64_t pos) {
  int64_t newitem = py_list_word(heap, pos);
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    int64_t parent = py_list_word(heap, parentpos);
    bool smaller = less(heap, newitem, parent);
    if (rt_error_pending) break;
    if (!smaller) break;
    py_list_put_word(heap, pos, parent);
    pos = parentpos;
  }
  py_list_put_word(heap, pos, newitem);
}

/* Moves the smaller child up until a leaf, then the item down from there (CPython's _siftup). */
static void sift_up(py_list *heap, int64_t pos) {
  int64_t endpos = heap->items.length;
  int64_t startpos = pos;
  int64_t newitem = py_list_word(heap, pos);
  int64_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    int64_t rightpos = childpos + 1;
    if (rightpos < endpos) {
      bool left_first = less(heap, py_list_word(heap, childpos), py_list_word(heap, rightpos));
      if (rt_error_pending) return;
      if (!left_first) childpos = rightpos;
    }
    py_list_put_word(heap, pos, py_list_word(heap, childpos));
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  py_list_put_word(heap, pos, newitem);
  sift_down(heap, startpos, pos);
}

void py_heappush_word(py_list *heap, int64_t item) {
  py_word_retain(item, heap->kind);
  rt_array_append(&heap->items, NULL);
  py_list_put_word(heap, heap->items.length - 1, item);
  sift_down(heap, 0, heap->items.length - 1);
}

void py_heappush_obj(py_list *heap, rt_object *item) { py_heappush_word(heap, (int64_t)(intptr_t)item); }

/* heappop: the smallest item, owned; IndexError "index out of range" when empty. */
int64_t py_heappop_word(py_list *heap) {
  int64_t n = heap->items.length;
  if (n == 0) {
    rt_raise("IndexError", "index out of range");
    return 0;
  }
  int64_t last = py_list_word(heap, n - 1);
  rt_array_pop(&heap->items, NULL);
  if (n == 1) return last;
  int64_t smallest = py_list_word(heap, 0);
  py_list_put_word(heap, 0, last);
  sift_up(heap, 0);
  return smallest;
}

rt_object *py_heappop_obj(py_list *heap) { return (rt_object *)(intptr_t)py_heappop_word(heap); }

void py_heapify(py_list *heap) {
  for (int64_t i = heap->items.length / 2 - 1; i >= 0 && !rt_error_pending; i--) sift_up(heap, i);
}

/* The insertion point of item in the sorted list: before equal items (left) or after them. */
static int64_t bisect(py_list *list, int64_t item, bool right) {
  int64_t lo = 0;
  int64_t hi = list->items.length;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    int64_t order = right ? -py_word_compare(item, py_list_word(list, mid), list->kind)
                          : py_word_compare(py_list_word(list, mid), item, list->kind);
    if (rt_error_pending) return 0;
    if (right ? order <= 0 : order < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int64_t py_bisect_left_word(py_list *list, int64_t item) { return bisect(list, item, false); }
int64_t py_bisect_left_obj(py_list *list, rt_object *item) { return bisect(list, (int64_t)(intptr_t)item, false); }
int64_t py_bisect_right_word(py_list *list, int64_t item) { return bisect(list, item, true); }
int64_t py_bisect_right_obj(py_list *list, rt_object *item) { return bisect(list, (int64_t)(intptr_t)item, true); }
