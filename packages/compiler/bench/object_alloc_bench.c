/*
 * Speed of the object runtime's allocator against glibc's malloc, and of the cycle collector's
 * threshold rule (figures quoted in runtime/pool.c and runtime/cycle.c).
 *
 * Build and run from the repository root (the runtime's own flags, all its sources):
 *
 *   cc -std=gnu11 -O2 -fPIC -ffp-contract=off -fno-fast-math -I packages/compiler/runtime \
 *     packages/compiler/bench/object_alloc_bench.c packages/compiler/runtime/[a-z_]*.c -lm -o /tmp/object-bench
 *   /tmp/object-bench            # allocation: one object at a time, then a million at once
 *   /tmp/object-bench gc 1000000 1000000   # collector: hold N linked nodes, then make and drop M 2-cycles
 *
 * Add -DRT_GC_SURVIVOR_DIVISOR=K to compare thresholds (0: a fixed 700).
 *
 * Each figure is the best of 5 runs, in nanoseconds per object. The 32-byte object holds no
 * references; rt_dealloc is called the way emitted code calls it, when its inlined decrement reaches
 * zero. malloc's block is cleared as rt_alloc's is (calloc is shown too), and every pointer is stored
 * to a volatile variable so that the compiler cannot remove a malloc/free pair.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime.h"

typedef struct small {
  rt_object header;
  int64_t a, b;
} small;

static const rt_layout small_layout = {"Small", 1, 0, sizeof(small), NULL, NULL};

static void *volatile sink;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static inline void release_inline(rt_object *o) {
  if (o->refcount > 0 && --o->refcount == 0) rt_dealloc(o);
}

enum { LOOP = 20000000, BATCH = 1000000, BATCH_ROUNDS = 10, RUNS = 5 };

static void **batch;

static double loop_objects(void) {
  double start = now();
  for (int i = 0; i < LOOP; i++) {
    rt_object *o = rt_alloc(&small_layout, sizeof(small), NULL);
    sink = o;
    release_inline(o);
  }
  return (now() - start) * 1e9 / LOOP;
}

static double loop_malloc(void) {
  double start = now();
  for (int i = 0; i < LOOP; i++) {
    void *p = malloc(sizeof(small));
    memset(p, 0, sizeof(small));
    sink = p;
    free(p);
  }
  return (now() - start) * 1e9 / LOOP;
}

static double loop_calloc(void) {
  double start = now();
  for (int i = 0; i < LOOP; i++) {
    void *p = calloc(1, sizeof(small));
    sink = p;
    free(p);
  }
  return (now() - start) * 1e9 / LOOP;
}

static double batch_objects(void) {
  double start = now();
  for (int round = 0; round < BATCH_ROUNDS; round++) {
    for (int i = 0; i < BATCH; i++) batch[i] = rt_alloc(&small_layout, sizeof(small), NULL);
    sink = batch[BATCH - 1];
    for (int i = 0; i < BATCH; i++) release_inline(batch[i]);
  }
  return (now() - start) * 1e9 / ((double)BATCH * BATCH_ROUNDS);
}

static double batch_malloc(void) {
  double start = now();
  for (int round = 0; round < BATCH_ROUNDS; round++) {
    for (int i = 0; i < BATCH; i++) {
      batch[i] = malloc(sizeof(small));
      memset(batch[i], 0, sizeof(small));
    }
    sink = batch[BATCH - 1];
    for (int i = 0; i < BATCH; i++) free(batch[i]);
  }
  return (now() - start) * 1e9 / ((double)BATCH * BATCH_ROUNDS);
}

static double best(double (*run)(void)) {
  double fastest = run();
  for (int i = 1; i < RUNS; i++) {
    double t = run();
    if (t < fastest) fastest = t;
  }
  return fastest;
}

static void allocation(void) {
  batch = malloc(sizeof(void *) * BATCH);
  /* Interleaved so that both see the same machine load. */
  double objects = best(loop_objects), mallocs = best(loop_malloc), callocs = best(loop_calloc);
  printf("one at a time (ns/object): rt_alloc+rt_dealloc %.2f  malloc+memset+free %.2f  calloc+free %.2f\n", objects,
         mallocs, callocs);
  double objects_batch = best(batch_objects), mallocs_batch = best(batch_malloc);
  printf("1,000,000 then free (ns/object): rt_alloc+rt_dealloc %.2f  malloc+memset+free %.2f\n", objects_batch,
         mallocs_batch);
  free(batch);
}

/* ---- the collector ------------------------------------------------------------------------ */

typedef struct node {
  rt_object header;
  rt_object *next;
} node;

static void node_drop(rt_object *o) {
  rt_object *next = ((node *)o)->next;
  ((node *)o)->next = NULL;
  rt_release(next);
}

static void node_traverse(rt_object *o, rt_visit_fn visit, void *context) {
  if (((node *)o)->next != NULL) visit(((node *)o)->next, context);
}

static const rt_layout node_layout = {"Node", 2, RT_LAYOUT_HOLDS_REFS, sizeof(node), node_drop, node_traverse};

static rt_object *new_node(rt_object *next) {
  node *n = (node *)rt_alloc(&node_layout, sizeof(node), NULL);
  n->next = next;
  return &n->header;
}

static void collector(long held_count, long cycles) {
  double start = now();
  rt_object *held = NULL;
  for (long i = 0; i < held_count; i++) held = new_node(held);
  double built = now();
  int64_t collections_before = rt_gc_get_stats().collections;
  for (long i = 0; i < cycles; i++) {
    rt_object *a = new_node(NULL);
    rt_object *b = new_node(NULL);
    rt_retain(a);
    rt_retain(b);
    ((node *)a)->next = b;
    ((node *)b)->next = a;
    rt_release(a);
    rt_release(b);
  }
  double cycled = now();
  rt_gc_stats stats = rt_gc_get_stats();
  printf("held %ld nodes: %.3f s (%lld collections); %ld 2-cycles: %.3f s (%lld collections, %lld freed, "
         "threshold now %lld)\n",
         held_count, built - start, (long long)collections_before, cycles, cycled - built,
         (long long)(stats.collections - collections_before), (long long)stats.collected, (long long)stats.threshold);
  rt_release(held);
  rt_gc_collect();
}

int main(int argc, char **argv) {
  rt_init(argc, argv, NULL, NULL);
  if (argc > 1 && strcmp(argv[1], "gc") == 0) {
    collector(argc > 2 ? atol(argv[2]) : 1000000, argc > 3 ? atol(argv[3]) : 1000000);
  } else {
    allocation();
  }
  return rt_shutdown();
}
