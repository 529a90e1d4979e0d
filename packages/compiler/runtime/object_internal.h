/*
 * How an object sits in its memory block, shared by object.c, pool.c, cycle.c and leak_check.c (not part
 * of the API emitted code uses).
 *
 *   [leak record, 32 bytes: only when TOOLCHAIN_CHECK_LEAKS=1]
 *   [collector link, 16 bytes: only for tracked layouts]
 *   [rt_object header, 16 bytes]  <- rt_object *
 *   [fields]
 *
 * The prefixes are decided by the layout and by the process-wide checking mode, which is fixed before
 * the first allocation, so the block's start is always found from the object without storing it. Each
 * prefix is a multiple of 16 bytes, so the header stays 16-byte aligned.
 */
#ifndef TOOLCHAIN_OBJECT_INTERNAL_H
#define TOOLCHAIN_OBJECT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"

/* The collector's doubly linked list of tracked objects. Between collections `prev` is a pointer;
   during one it holds the object's gc_refs and flags (cycle.c). next == NULL: not tracked. */
typedef struct rt_gc_link {
  struct rt_gc_link *next;
  uintptr_t prev;
} rt_gc_link;

/* The leak checker's doubly linked list of live objects. */
typedef struct rt_leak_record {
  struct rt_leak_record *next, *prev;
  const rt_alloc_site *site;
  rt_object *object;
} rt_leak_record;

_Static_assert(sizeof(rt_object) == 16, "the object header is 16 bytes");
_Static_assert(sizeof(rt_gc_link) == 16, "the collector's prefix keeps the header 16-byte aligned");
_Static_assert(sizeof(rt_leak_record) == 32, "the leak checker's prefix keeps the header 16-byte aligned");

/* sizeof(rt_leak_record) when checking leaks, else 0 (leak_check.c). */
extern size_t rt_leak_prefix_size;

/* The collector tracks objects whose layout says they may hold references and can list them. */
static inline int rt_layout_is_tracked(const rt_layout *layout) {
  return (layout->flags & RT_LAYOUT_HOLDS_REFS) != 0 && layout->traverse != NULL;
}

static inline size_t rt_prefix_size(const rt_layout *layout) {
  return (rt_layout_is_tracked(layout) ? sizeof(rt_gc_link) : 0) + rt_leak_prefix_size;
}

static inline rt_gc_link *rt_gc_link_of(rt_object *object) { return (rt_gc_link *)object - 1; }
static inline rt_object *rt_object_of_link(rt_gc_link *link) { return (rt_object *)(link + 1); }

/* pool.c and its fast paths: pool.h */

/* ---- cycle.c ---- */

/* Counts a tracked allocation about to be made; may run a collection. */
void rt_gc_note_allocation(void);
void rt_gc_track(rt_object *object);
/* Removes a tracked object from the list (no effect if it is not in one). */
void rt_gc_untrack(rt_object *object);

/* ---- leak_check.c ---- */

void rt_leak_remember(rt_leak_record *record, rt_object *object, const rt_alloc_site *site);
void rt_leak_forget(rt_leak_record *record);

#endif
