/*
 * An object's life: allocation, reference counts, and deallocation without deep recursion.
 *
 * Why deallocation queues: dropping an object releases what it holds, and a release that reaches zero
 * deallocates that child, whose drop releases its own children, and so on; freeing a linked list of a
 * million nodes that way nests a million C frames and overflows the stack. As CPython's trashcan
 * does, only the outermost rt_dealloc runs drops: a dealloc that starts while one is running is put
 * on a queue (linked through the dying object's refcount field, which nobody reads any more) and the
 * outer one takes it after its own object is done. The C stack stays a few frames deep for any
 * shape, and the fast path pays one test of a flag.
 *
 * An object leaves the collector's list when its dealloc starts, before its drop runs: a drop may
 * allocate, and so start a collection, which must not see an object whose count is already zero.
 */
#include <stdio.h>
#include <stdlib.h>

#include "object_internal.h"
#include "pool.h"
#include "runtime.h"

static int64_t live_objects;

/* Deallocations waiting for the running one; NULL-terminated, linked through refcount. */
static rt_object *queued;
static bool deallocating;

int64_t rt_object_live_count(void) { return live_objects; }

static __attribute__((noinline, cold)) _Noreturn void bad_size(const rt_layout *layout, int64_t size) {
  char message[160];
  int n = snprintf(message, sizeof message, "fatal: rt_alloc of a %s of %lld bytes (the header alone is %zu)\n",
                   layout->name != NULL ? layout->name : "?", (long long)size, sizeof(rt_object));
  rt_stderr_write(message, (size_t)n);
  abort();
}

/* Any object: the collector's prefix and list, the leak checker's record. */
static __attribute__((noinline)) rt_object *alloc_general(const rt_layout *layout, int64_t size,
                                                          const rt_alloc_site *site) {
  bool tracked = rt_layout_is_tracked(layout);
  /* Before the block is taken, so that a collection neither sees the new object nor frees into a
     class the block was just taken from. */
  if (tracked) rt_gc_note_allocation();
  size_t prefix = (tracked ? sizeof(rt_gc_link) : 0) + rt_leak_prefix_size;
  char *block = rt_pool_alloc(prefix, (size_t)size);
  rt_object *object = (rt_object *)(block + prefix);
  object->refcount = 1;
  object->layout = layout;
  if (tracked) rt_gc_track(object);
  if (rt_leak_prefix_size != 0) rt_leak_remember((rt_leak_record *)block, object, site);
  live_objects++;
  return object;
}

rt_object *rt_alloc(const rt_layout *layout, int64_t size, const rt_alloc_site *site) {
  if (__builtin_expect(size < (int64_t)sizeof(rt_object), 0)) bad_size(layout, size);
  if (__builtin_expect(rt_layout_is_tracked(layout) || rt_leak_prefix_size != 0, 0))
    return alloc_general(layout, size, site);
  /* The common case, an object without prefixes: a leaf, or anything while leaks are not checked. */
  rt_object *object = rt_pool_alloc(0, (size_t)size);
  object->refcount = 1;
  object->layout = layout;
  live_objects++;
  return object;
}

static void free_object(rt_object *object) {
  size_t prefix = rt_prefix_size(object->layout);
  char *block = (char *)object - prefix;
  if (rt_leak_prefix_size != 0) rt_leak_forget((rt_leak_record *)block);
  live_objects--;
  rt_pool_free(block, prefix);
}

static __attribute__((noinline)) void dealloc_general(rt_object *object) {
  const rt_layout *layout = object->layout;
  if (rt_layout_is_tracked(layout)) rt_gc_untrack(object);
  if (deallocating) {
    object->refcount = (int64_t)(intptr_t)queued;
    queued = object;
    return;
  }
  deallocating = true;
  for (;;) {
    layout = object->layout;
    if (layout->drop != NULL) layout->drop(object);
    free_object(object);
    object = queued;
    if (object == NULL) break;
    queued = (rt_object *)(intptr_t)object->refcount;
    object->refcount = 0;
  }
  deallocating = false;
}

void rt_dealloc(rt_object *object) {
  const rt_layout *layout = object->layout;
  /* The common case: nothing to drop, no prefixes. Not queued even inside another dealloc: it calls
     nothing, so it cannot nest. */
  if (__builtin_expect(layout->drop == NULL && !rt_layout_is_tracked(layout) && rt_leak_prefix_size == 0, 1)) {
    live_objects--;
    rt_pool_free(object, 0);
    return;
  }
  dealloc_general(object);
}

static const rt_layout absent_layout = {"absent", 0, 0, sizeof(rt_object), NULL, NULL};
rt_object rt_absent = {RT_REFCOUNT_IMMORTAL, &absent_layout};

void rt_retain(rt_object *object) {
  if (object != NULL && object->refcount > 0) object->refcount++;
}

void rt_release(rt_object *object) {
  if (object != NULL && object->refcount > 0 && --object->refcount == 0) rt_dealloc(object);
}
