/*
 * Managed heap objects, shared by every source language: the object header, layout descriptors, the
 * allocator, reference counting, the cycle collector and the leak checker.
 *
 * Why one neutral model: the Python and LumaScript back ends both emit reference-counted objects, and
 * one header lets them share the allocator (pool.c), the collector of reference cycles (cycle.c) and
 * the leak checker (leak_check.c). A language describes each kind of object by an `rt_layout` the
 * compiler emits as a constant; the runtime never knows what the fields mean, only how to release them
 * (`drop`) and how to find the references among them (`traverse`).
 *
 * Memory: an object may have hidden prefixes before its header (the collector's list links, and the
 * leak checker's record when TOOLCHAIN_CHECK_LEAKS=1); `rt_object *` always points at the header.
 * Objects of up to 512 bytes, prefixes included, come from size-class pools; larger ones from malloc.
 *
 * The runtime is single-threaded: nothing here takes a lock.
 */
#ifndef TOOLCHAIN_OBJECT_H
#define TOOLCHAIN_OBJECT_H

#include <stdbool.h>
#include <stdint.h>

typedef struct rt_object {
  int64_t refcount;               /* > 0: counted; < 0: immortal (static constants, never freed or counted) */
  const struct rt_layout *layout; /* what the object is */
} rt_object;                      /* 16 bytes; fields of the object follow */

/* The refcount of an immortal object (any negative value is immortal). */
#define RT_REFCOUNT_IMMORTAL ((int64_t)-1)

typedef void (*rt_visit_fn)(rt_object *child, void *context);

/* Its objects may hold references: the cycle collector tracks them (when the layout has traverse). */
#define RT_LAYOUT_HOLDS_REFS 1u

typedef struct rt_layout {
  const char *name; /* shown by the leak checker, e.g. "ListNode" */
  uint32_t type_id; /* unique per layout in a program */
  uint32_t flags;   /* RT_LAYOUT_HOLDS_REFS (1): its objects may hold references: the cycle collector tracks them */
  int64_t size;     /* bytes of a fixed-size object, header included */
  /* Releases everything the object holds (its references, buffers it owns) and leaves it holding
     nothing (reference fields set to NULL), so a second call is harmless. Does not free the object.
     NULL when there is nothing to release. */
  void (*drop)(rt_object *object);
  /* Calls visit on each non-NULL reference the object holds. NULL when it can hold none. */
  void (*traverse)(rt_object *object, rt_visit_fn visit, void *context);
} rt_layout;

typedef struct rt_alloc_site {
  const char *file;
  const char *function;
  int32_t line;
} rt_alloc_site;

/* ---- allocation and reference counts ---------------------------------------------------------- */

/*
 * A new object of `size` bytes (header included), zeroed, with refcount 1 and its layout set.
 * size >= sizeof(rt_object); variable-size objects pass more than layout->size. site may be NULL (the
 * leak checker then says the site is unknown). Out of memory: rt_out_of_memory().
 * May run the cycle collector first (for a layout it tracks), so every reference the caller holds
 * must be counted.
 */
rt_object *rt_alloc(const rt_layout *layout, int64_t size, const rt_alloc_site *site);
/* Called when the count reaches 0: drop, untrack, return memory to its pool. A dealloc that starts
   while another runs (a drop releasing the last reference to a child) is queued and done by the outer
   one, so freeing a chain of any length uses a bounded C stack. */
void rt_dealloc(rt_object *object);
/* Out-of-line increment and decrement (emitted code inlines its own). Immortal objects and NULL are
   left alone, so a drop function can release an optional field without testing it. */
void rt_retain(rt_object *object);
void rt_release(rt_object *object);

/* The tagged word that holds no integer, a language's "nothing" beside its integers (Python's None in
   an `int | None`): an immortal object's reference, so counting it does nothing and it equals no
   integer's word. Emitted code writes it as a tagged constant without a value. */
extern rt_object rt_absent;
#define RT_ABSENT_WORD ((int64_t)((intptr_t)&rt_absent | 1))

/* Objects allocated and not yet freed (immortalised ones included). Kept in every mode. */
int64_t rt_object_live_count(void);

/* ---- the cycle collector (cycle.c) -------------------------------------------------------------- */

/* Runs the cycle collector now; returns how many tracked objects it freed (the untracked objects
   that only they held are freed too, not counted, as CPython's gc.collect() counts). Returns 0
   without collecting when called while a collection runs. */
int64_t rt_gc_collect(void);

typedef struct rt_gc_stats {
  int64_t collections; /* collections run so far */
  int64_t collected;   /* tracked objects they freed */
  int64_t tracked;     /* tracked objects alive now */
  int64_t threshold;   /* net tracked allocations that start the next automatic collection */
} rt_gc_stats;

rt_gc_stats rt_gc_get_stats(void);
/* Automatic collection on (the default) or off; rt_gc_collect() works either way. */
void rt_gc_set_automatic(bool on);

/* ---- the leak checker (leak_check.c) ---------------------------------------------------------- */

/* Reads TOOLCHAIN_CHECK_LEAKS (rt_init calls it). Only the first call, before any allocation, counts:
   the prefixes of live objects must not change. */
void rt_objects_init(void);
bool rt_leak_check_enabled(void);
/* When checking: runs a collection, then prints on stderr "leak check: N live objects" and one line
   per (layout, site), most first, e.g. "  3 ListNode allocated at list.ir:12 in build". Immortal
   objects are not counted. Prints nothing when checking is off, and reports once per process
   (rt_shutdown calls it; an exit path that bypasses rt_shutdown may call it first). */
void rt_leak_check_report(void);

#endif
