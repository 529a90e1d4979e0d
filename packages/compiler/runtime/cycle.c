/*
 * The cycle collector: frees groups of objects that only reference each other.
 *
 * Why: reference counting frees an object when the last reference goes, but objects in a cycle (a
 * node pointing to itself, two nodes pointing to each other, a structure with back links) keep each
 * other's counts above zero forever. Like CPython's gc module, this finds them by trial deletion,
 * without knowing the program's roots (globals, locals, registers): a reference that cannot be
 * explained by another tracked object must come from outside, and what it reaches is alive.
 *
 * Tracked objects are those whose layout has RT_LAYOUT_HOLDS_REFS and a traverse function; they are
 * linked in one doubly linked list through a 16-byte prefix before their header (CPython's PyGC_Head).
 * A collection, over every tracked object:
 *   1. copies each refcount to gc_refs (kept in the link's `prev` word, the list being walked through
 *      `next` alone meanwhile; an immortal object counts as referenced from outside);
 *   2. subtracts, for each reference that one tracked object holds to another, one from the target's
 *      gc_refs: what is left counts the references from outside the tracked objects;
 *   3. marks every object with gc_refs > 0 reachable and, from it, everything it reaches, with a
 *      depth-first walk whose stack is threaded through the `prev` words of the marked objects, so it
 *      needs no memory and no recursion however long the chains;
 *   4. relinks the list: the reachable objects stay; the rest are garbage, in a list of their own;
 *   5. frees the garbage safely: it retains every garbage object, calls drop on each (which releases
 *      the references among them, and whatever else they held, without freeing any of them since each
 *      is retained), then releases each, so each deallocates the ordinary way.
 * Immortal objects are never written. A collection never starts while one runs: a drop may allocate
 * or call rt_gc_collect.
 *
 * When: after a number of net tracked allocations (allocations less deallocations) since the last
 * collection, as CPython's generation 0 counts them, 700 to start with. One generation scans every
 * tracked object, so with a fixed threshold a program holding a million tracked objects would scan them
 * all every 700 allocations. The threshold is therefore max(700, survivors / 4): a collection costs
 * time in proportion to the tracked objects, and the allocations between collections grow in
 * proportion to them, so each allocation pays for a bounded amount of scanning (the rule CPython uses
 * to decide on a full collection, 25% growth of the long-lived objects). Garbage cycles may meanwhile
 * grow to a quarter of the live tracked objects.
 *
 * Measured (packages/compiler/bench/object_alloc_bench.c `gc`: build a list of 1,000,000 tracked
 * nodes and hold it, then make and drop 1,000,000 two-node cycles; gcc 12 -O2, a shared 2-core
 * x86-64 VM, times varying by some 30% between runs):
 *   fixed 700:     building the list 15.1 s (1,426 collections, each scanning everything so far);
 *                  the cycles about 64 s (1.27 s for the first 20,000);
 *   survivors / 1: 0.05-0.09 s and 0.09 s (2 collections), peak RSS 96 MB;
 *   survivors / 2: 0.06-0.08 s and 0.12-0.21 s, 73 MB;
 *   survivors / 4: 0.12-0.18 s and 0.28-0.34 s (8 collections), 61 MB;
 *   survivors / 8: 0.17-0.27 s and 0.33-0.38 s, 55 MB;
 *   survivors / 16: 0.32-0.43 s and 0.80 s, 52 MB.
 * Every growing rule removes the quadratic cost; a quarter (CPython's proportion) spends about three
 * times as long as "survivors" on this load, some 0.15 us per allocation, but carries less garbage
 * (61 MB of peak memory against 96). With nothing held the threshold stays at 700 (1,000,000 cycles
 * alone: 2,853 collections, 0.07-0.10 s in all).
 */
#include <stdlib.h>

#include "object_internal.h"
#include "runtime.h"

/* During a collection, the `prev` word of a link in it holds flags in its two low bits (links are at
   least 8-byte aligned) and, above them, gc_refs or, once marked reachable, the next link on the
   marking stack. */
#define IN_COLLECTION ((uintptr_t)1)
#define REACHABLE ((uintptr_t)2)
#define FLAG_BITS 2
#define FLAG_MASK ((uintptr_t)3)

#define MIN_THRESHOLD 700
#ifndef RT_GC_SURVIVOR_DIVISOR
#define RT_GC_SURVIVOR_DIVISOR 4
#endif

static rt_gc_link tracked = {&tracked, (uintptr_t)&tracked};
static int64_t tracked_count;
static int64_t allocations; /* net tracked allocations since the last collection */
static int64_t threshold = MIN_THRESHOLD;
static bool collecting;
static bool automatic = true;
static int64_t collections, collected;

static rt_gc_link *prev_link(const rt_gc_link *link) { return (rt_gc_link *)link->prev; }

static void append(rt_gc_link *list, rt_gc_link *link) {
  rt_gc_link *last = prev_link(list);
  link->next = list;
  link->prev = (uintptr_t)last;
  last->next = link;
  list->prev = (uintptr_t)link;
}

void rt_gc_track(rt_object *object) {
  append(&tracked, rt_gc_link_of(object));
  tracked_count++;
}

void rt_gc_untrack(rt_object *object) {
  rt_gc_link *link = rt_gc_link_of(object);
  if (link->next == NULL) return;
  prev_link(link)->next = link->next;
  link->next->prev = link->prev;
  link->next = NULL;
  link->prev = 0;
  tracked_count--;
  if (allocations > 0) allocations--;
}

void rt_gc_note_allocation(void) {
  if (++allocations > threshold && automatic && !collecting) rt_gc_collect();
}

/* The link of a child taking part in this collection, or NULL: immortal objects, untracked layouts
   and objects that left the list (being deallocated) are outside it. */
static rt_gc_link *collected_link(rt_object *child) {
  if (child->refcount < 0 || !rt_layout_is_tracked(child->layout)) return NULL;
  rt_gc_link *link = rt_gc_link_of(child);
  return (link->prev & IN_COLLECTION) != 0 ? link : NULL;
}

static void subtract_reference(rt_object *child, void *context) {
  (void)context;
  rt_gc_link *link = collected_link(child);
  /* gc_refs cannot go below zero unless a refcount is too small (a bug elsewhere); staying at zero
     keeps the target garbage, which is what a count that low claims anyway. */
  if (link != NULL && (link->prev >> FLAG_BITS) > 0) link->prev -= (uintptr_t)1 << FLAG_BITS;
}

static void push_reachable(rt_gc_link *link, rt_gc_link **stack) {
  link->prev = (uintptr_t)*stack | IN_COLLECTION | REACHABLE;
  *stack = link;
}

static void mark_reference(rt_object *child, void *context) {
  rt_gc_link *link = collected_link(child);
  if (link != NULL && (link->prev & REACHABLE) == 0) push_reachable(link, context);
}

static void traverse(rt_gc_link *link, rt_visit_fn visit, void *context) {
  rt_object *object = rt_object_of_link(link);
  object->layout->traverse(object, visit, context);
}

/* Steps 1 to 4; returns how many objects it moved to `garbage`. */
static int64_t find_garbage(rt_gc_link *garbage) {
  for (rt_gc_link *link = tracked.next; link != &tracked; link = link->next) {
    int64_t refcount = rt_object_of_link(link)->refcount;
    uintptr_t gc_refs = refcount < 0 ? 1 : (uintptr_t)refcount;
    link->prev = (gc_refs << FLAG_BITS) | IN_COLLECTION;
  }
  for (rt_gc_link *link = tracked.next; link != &tracked; link = link->next) traverse(link, subtract_reference, NULL);
  for (rt_gc_link *link = tracked.next; link != &tracked; link = link->next) {
    if ((link->prev & REACHABLE) != 0 || (link->prev >> FLAG_BITS) == 0) continue;
    rt_gc_link *stack = NULL;
    push_reachable(link, &stack);
    while (stack != NULL) {
      rt_gc_link *top = stack;
      stack = (rt_gc_link *)(top->prev & ~FLAG_MASK);
      traverse(top, mark_reference, &stack);
    }
  }
  int64_t count = 0;
  rt_gc_link *last_kept = &tracked, *last_garbage = garbage;
  for (rt_gc_link *link = tracked.next, *next; link != &tracked; link = next) {
    next = link->next;
    if ((link->prev & REACHABLE) != 0) {
      last_kept->next = link;
      link->prev = (uintptr_t)last_kept;
      last_kept = link;
    } else {
      last_garbage->next = link;
      link->prev = (uintptr_t)last_garbage;
      last_garbage = link;
      count++;
    }
  }
  last_kept->next = &tracked;
  tracked.prev = (uintptr_t)last_kept;
  last_garbage->next = garbage;
  garbage->prev = (uintptr_t)last_garbage;
  return count;
}

int64_t rt_gc_collect(void) {
  if (collecting) return 0;
  collecting = true;
  rt_gc_link garbage = {&garbage, (uintptr_t)&garbage};
  int64_t freed = 0;
  if (find_garbage(&garbage) > 0) {
    for (rt_gc_link *link = garbage.next; link != &garbage; link = link->next) rt_object_of_link(link)->refcount++;
    /* Nothing in the garbage list leaves it during the drops: each is retained. */
    for (rt_gc_link *link = garbage.next; link != &garbage; link = link->next) {
      rt_object *object = rt_object_of_link(link);
      if (object->layout->drop != NULL) object->layout->drop(object);
    }
    for (rt_gc_link *link = garbage.next, *next; link != &garbage; link = next) {
      next = link->next;
      rt_object *object = rt_object_of_link(link);
      if (object->refcount == 1) freed++;
      rt_release(object);
    }
    /* What is still here was kept alive by something its drop left behind: back to the list. */
    while (garbage.next != &garbage) {
      rt_gc_link *link = garbage.next;
      garbage.next = link->next;
      link->next->prev = (uintptr_t)&garbage;
      append(&tracked, link);
    }
  }
  collections++;
  collected += freed;
  allocations = 0;
  int64_t grown = RT_GC_SURVIVOR_DIVISOR > 0 ? tracked_count / RT_GC_SURVIVOR_DIVISOR : 0;
  threshold = grown > MIN_THRESHOLD ? grown : MIN_THRESHOLD;
  collecting = false;
  return freed;
}

rt_gc_stats rt_gc_get_stats(void) {
  return (rt_gc_stats){
      .collections = collections, .collected = collected, .tracked = tracked_count, .threshold = threshold};
}

void rt_gc_set_automatic(bool on) { automatic = on; }
