/*
 * Scenarios for the object runtime (object.h), run by object-runtime.test.ts: `object_harness SCENARIO
 * [COUNT]`. The layouts are written by hand as the compiler will emit them: a 32-byte leaf, a list node
 * holding one reference, a pair holding two, a variable-size array of references and a variable-size
 * blob of bytes. Each scenario prints `key value` lines on stdout; the test checks them, and the leak
 * checker's report and valgrind's on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* ---- layouts -------------------------------------------------------------------------------- */

typedef struct leaf {
  rt_object header;
  int64_t value, spare;
} leaf;

typedef struct list_node {
  rt_object header;
  rt_object *next;
  int64_t value;
} list_node;

typedef struct pair {
  rt_object header;
  rt_object *left, *right;
} pair;

typedef struct array {
  rt_object header;
  int64_t count;
  rt_object *items[];
} array;

typedef struct blob {
  rt_object header;
  int64_t length;
  unsigned char bytes[];
} blob;

static void release_field(rt_object **field) {
  rt_object *child = *field;
  *field = NULL;
  rt_release(child);
}

static void visit_field(rt_object *child, rt_visit_fn visit, void *context) {
  if (child != NULL) visit(child, context);
}

static void list_node_drop(rt_object *object) { release_field(&((list_node *)object)->next); }
static void list_node_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  visit_field(((list_node *)object)->next, visit, context);
}

static void pair_drop(rt_object *object) {
  release_field(&((pair *)object)->left);
  release_field(&((pair *)object)->right);
}
static void pair_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  visit_field(((pair *)object)->left, visit, context);
  visit_field(((pair *)object)->right, visit, context);
}

static void array_drop(rt_object *object) {
  array *a = (array *)object;
  for (int64_t i = 0; i < a->count; i++) release_field(&a->items[i]);
}
static void array_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  array *a = (array *)object;
  for (int64_t i = 0; i < a->count; i++) visit_field(a->items[i], visit, context);
}

static const rt_layout leaf_layout = {"Leaf", 1, 0, sizeof(leaf), NULL, NULL};
static const rt_layout list_node_layout = {"ListNode",        2, RT_LAYOUT_HOLDS_REFS, sizeof(list_node),
                                           list_node_drop,    list_node_traverse};
static const rt_layout pair_layout = {"Pair", 3, RT_LAYOUT_HOLDS_REFS, sizeof(pair), pair_drop, pair_traverse};
static const rt_layout array_layout = {"Array", 4, RT_LAYOUT_HOLDS_REFS, sizeof(array), array_drop, array_traverse};
static const rt_layout blob_layout = {"Blob", 5, 0, sizeof(blob), NULL, NULL};

static rt_object *new_leaf(int64_t value, const rt_alloc_site *site) {
  leaf *l = (leaf *)rt_alloc(&leaf_layout, sizeof(leaf), site);
  l->value = value;
  return &l->header;
}

/* A node taking over the reference `next`. */
static rt_object *new_node(rt_object *next, int64_t value, const rt_alloc_site *site) {
  list_node *n = (list_node *)rt_alloc(&list_node_layout, sizeof(list_node), site);
  n->next = next;
  n->value = value;
  return &n->header;
}

static rt_object *new_pair(rt_object *left, rt_object *right) {
  pair *p = (pair *)rt_alloc(&pair_layout, sizeof(pair), NULL);
  p->left = left;
  p->right = right;
  return &p->header;
}

static array *new_array(int64_t count) {
  array *a = (array *)rt_alloc(&array_layout, (int64_t)(sizeof(array) + (size_t)count * sizeof(rt_object *)), NULL);
  a->count = count;
  return a;
}

static blob *new_blob(int64_t size) {
  blob *b = (blob *)rt_alloc(&blob_layout, size, NULL);
  b->length = size - (int64_t)sizeof(blob);
  return b;
}

/* A node that points back to itself through `next`, and a link setter that counts the reference. */
static void link_to(rt_object *from, rt_object *to) {
  rt_retain(to);
  ((list_node *)from)->next = to;
}

static void print(const char *key, int64_t value) { printf("%s %lld\n", key, (long long)value); }

static void print_live(void) { print("live", rt_object_live_count()); }

/* ---- scenarios ------------------------------------------------------------------------------ */

static int64_t count = 1000000;

static rt_object *build_list(int64_t n) {
  rt_object *head = NULL;
  for (int64_t i = 0; i < n; i++) head = new_node(head, i, NULL);
  return head;
}

/* Built, kept across a collection (which must walk the whole chain), then freed by one release. */
static void long_list(void) {
  rt_object *head = build_list(count);
  rt_gc_stats stats = rt_gc_get_stats();
  print("built", rt_object_live_count());
  print("tracked", stats.tracked);
  print("automatic-collections-ran", stats.collections > 0);
  print("collect", rt_gc_collect());
  print("threshold", rt_gc_get_stats().threshold);
  int64_t sum = 0;
  for (rt_object *n = head; n != NULL; n = ((list_node *)n)->next) sum += ((list_node *)n)->value;
  print("sum", sum);
  rt_release(head);
  print_live();
  print("tracked-after", rt_gc_get_stats().tracked);
}

/* The same chain closed into a ring: only the collector can free it, a million objects at once. */
static void long_cycle(void) {
  rt_object *head = build_list(count);
  rt_object *tail = head;
  while (((list_node *)tail)->next != NULL) tail = ((list_node *)tail)->next;
  link_to(tail, head);
  rt_release(head);
  print("before", rt_object_live_count());
  print("collect", rt_gc_collect());
  print_live();
}

static void two_cycle(void) {
  rt_object *a = new_node(NULL, 1, NULL);
  rt_object *b = new_node(NULL, 2, NULL);
  link_to(a, b);
  link_to(b, a);
  rt_release(a);
  rt_release(b);
  print("before", rt_object_live_count());
  print("collect", rt_gc_collect());
  print_live();
  print("collect-again", rt_gc_collect());
}

static void self_cycle(void) {
  rt_object *a = new_node(NULL, 1, NULL);
  link_to(a, a);
  rt_release(a);
  print("before", rt_object_live_count());
  print("collect", rt_gc_collect());
  print_live();
}

/* A cycle with an outside reference is alive; released, it is garbage. */
static void cycle_held(void) {
  rt_object *a = new_node(NULL, 1, NULL);
  rt_object *b = new_node(NULL, 2, NULL);
  link_to(a, b);
  link_to(b, a);
  rt_release(b);
  print("collect-held", rt_gc_collect());
  print("live-held", rt_object_live_count());
  print("value-through-cycle", ((list_node *)((list_node *)a)->next)->value);
  rt_release(a);
  print("collect-released", rt_gc_collect());
  print_live();
}

/* Pair A <-> node B, and A -> C -> D -> leaf: C and D are tracked garbage only the cycle holds, the
   leaf untracked garbage only D holds. */
static void cycle_with_garbage(void) {
  rt_object *d = new_node(new_leaf(4, NULL), 3, NULL);
  rt_object *c = new_node(d, 2, NULL);
  rt_object *b = new_node(NULL, 1, NULL);
  rt_object *a = new_pair(b, c);
  link_to(b, a);
  rt_release(a);
  print("before", rt_object_live_count());
  print("collect", rt_gc_collect());
  print_live();
}

/* Every block size from a bare header to past the largest class, all alive at once and each body
   filled with its own pattern (overlapping blocks would spoil one), then a large object and arrays of
   references of every count from 0 to 80 (tracked: their prefix moves the class boundary). */
static void size_classes(void) {
  enum { SMALLEST = sizeof(rt_object), LARGEST = 1024 };
  rt_object *objects[LARGEST + 1];
  int64_t misaligned = 0;
  for (int64_t size = SMALLEST; size <= LARGEST; size++) {
    rt_object *o = rt_alloc(&blob_layout, size, NULL);
    if ((uintptr_t)o % 16 != 0) misaligned++;
    unsigned char *body = (unsigned char *)(o + 1);
    for (int64_t i = 0; i < size - SMALLEST; i++) body[i] = (unsigned char)(size * 7 + i);
    objects[size] = o;
  }
  int64_t intact = 0;
  for (int64_t size = SMALLEST; size <= LARGEST; size++) {
    rt_object *o = objects[size];
    bool ok = o->refcount == 1 && o->layout == &blob_layout;
    const unsigned char *body = (const unsigned char *)(o + 1);
    for (int64_t i = 0; i < size - SMALLEST; i++) ok = ok && body[i] == (unsigned char)(size * 7 + i);
    intact += ok;
  }
  print("sizes", LARGEST - SMALLEST + 1);
  print("intact", intact);
  print("misaligned", misaligned);
  for (int64_t size = SMALLEST; size <= LARGEST; size++) rt_release(objects[size]);
  print("live-after-sizes", rt_object_live_count());

  blob *large = new_blob(1 << 20);
  int64_t zero = 1;
  for (int64_t i = 0; i < large->length; i++) zero &= large->bytes[i] == 0;
  memset(large->bytes, 0xab, (size_t)large->length);
  print("large-zeroed", zero);
  rt_release(&large->header);

  enum { MAX_ITEMS = 80 };
  array *arrays[MAX_ITEMS + 1];
  for (int64_t n = 0; n <= MAX_ITEMS; n++) {
    arrays[n] = new_array(n);
    if ((uintptr_t)arrays[n] % 16 != 0) misaligned++;
    for (int64_t i = 0; i < n; i++) arrays[n]->items[i] = new_leaf(n * 1000 + i, NULL);
  }
  int64_t leaves_ok = 0;
  for (int64_t n = 0; n <= MAX_ITEMS; n++)
    for (int64_t i = 0; i < n; i++) leaves_ok += ((leaf *)arrays[n]->items[i])->value == n * 1000 + i;
  print("array-leaves-ok", leaves_ok);
  print("misaligned-arrays", misaligned);
  /* The largest array refers to itself: a self-cycle of a large tracked object. */
  rt_release(arrays[MAX_ITEMS]->items[0]);
  rt_retain(&arrays[MAX_ITEMS]->header);
  arrays[MAX_ITEMS]->items[0] = &arrays[MAX_ITEMS]->header;
  print("live-with-arrays", rt_object_live_count());
  for (int64_t n = 0; n <= MAX_ITEMS; n++) rt_release(&arrays[n]->header);
  print("collect", rt_gc_collect());
  print_live();
}

/* Global (not static, which the compiler may drop as never read), so that valgrind sees the
   deliberately leaked objects as reachable: this scenario is about our checker's report. */
rt_object *kept[8];

static void leaks(void) {
  static const rt_alloc_site build_site = {"list.ir", "build", 12};
  static const rt_alloc_site leaf_site = {"leaf.ir", "make_leaf", 7};
  static const rt_alloc_site pair_site = {"pair.ir", "make_pair", 3};
  /* Three nodes of a list whose head is never released. */
  kept[0] = new_node(new_node(new_node(NULL, 3, &build_site), 2, &build_site), 1, &build_site);
  /* Two leaves from one site and one from an unknown site, never released. */
  kept[1] = new_leaf(1, &leaf_site);
  kept[2] = new_leaf(2, &leaf_site);
  kept[3] = new_leaf(3, NULL);
  /* Freed properly: not reported. */
  rt_release(new_node(new_leaf(5, &leaf_site), 4, &build_site));
  /* A garbage cycle: the report's collection frees it. */
  pair *p = (pair *)rt_alloc(&pair_layout, sizeof(pair), &pair_site);
  pair *q = (pair *)rt_alloc(&pair_layout, sizeof(pair), &pair_site);
  p->left = &q->header;
  q->left = &p->header;
  /* Immortal: meant to live forever, not reported. */
  kept[4] = new_leaf(6, &leaf_site);
  kept[4]->refcount = RT_REFCOUNT_IMMORTAL;
  print_live();
}

static void no_leaks(void) {
  rt_object *list = build_list(1000);
  rt_object *a = new_node(NULL, 1, NULL);
  link_to(a, a);
  rt_release(a);
  rt_release(list);
  rt_release(&new_blob(4000)->header);
  print_live();
}

static void make_cycles(int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    rt_object *a = new_node(NULL, i, NULL);
    rt_object *b = new_node(NULL, i, NULL);
    link_to(a, b);
    link_to(b, a);
    rt_release(a);
    rt_release(b);
  }
}

static void auto_collect(void) {
  rt_gc_set_automatic(false);
  make_cycles(count);
  print("off-collections", rt_gc_get_stats().collections);
  print("off-live", rt_object_live_count());
  print("collect", rt_gc_collect());
  rt_gc_set_automatic(true);
  make_cycles(count);
  rt_gc_stats stats = rt_gc_get_stats();
  print("on-collections", stats.collections - 1);
  print("on-live", rt_object_live_count());
  print("on-threshold", stats.threshold);
  print("collected", stats.collected);
  rt_gc_collect();
  print_live();
}

/* ---- re-entry: drops that allocate and collect ------------------------------------------------- */

typedef struct noisy {
  rt_object header;
  rt_object *other;
} noisy;

static int64_t inner_collections, inner_freed;

/* Releases its reference, asks for a collection, then allocates past the collection threshold:
   inside a collection neither may start one; inside a plain dealloc a collection may run. */
static void noisy_drop(rt_object *object) {
  noisy *n = (noisy *)object;
  if (n->other == NULL) return;
  release_field(&n->other);
  inner_freed += rt_gc_collect();
  inner_collections++;
  for (int i = 0; i < 2000; i++) rt_release(new_node(NULL, i, NULL));
  rt_release(build_list(1000));
}

static void noisy_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  visit_field(((noisy *)object)->other, visit, context);
}

static const rt_layout noisy_layout = {"Noisy", 6, RT_LAYOUT_HOLDS_REFS, sizeof(noisy), noisy_drop, noisy_traverse};

static rt_object *new_noisy(rt_object *other) {
  noisy *n = (noisy *)rt_alloc(&noisy_layout, sizeof(noisy), NULL);
  n->other = other;
  return &n->header;
}

static void reentrant(void) {
  /* A cycle of two noisy objects: their drops run inside the collection. */
  rt_object *a = new_noisy(NULL);
  rt_object *b = new_noisy(NULL);
  rt_retain(b);
  ((noisy *)a)->other = b;
  rt_retain(a);
  ((noisy *)b)->other = a;
  rt_release(a);
  rt_release(b);
  int64_t before = rt_gc_get_stats().collections;
  print("collect", rt_gc_collect());
  print("collections", rt_gc_get_stats().collections - before);
  print("inner-calls", inner_collections);
  print("inner-freed", inner_freed);
  print("live-after-cycle", rt_object_live_count());
  /* A noisy object holding the only outside reference to a cycle: its drop (in a plain dealloc)
     makes the cycle garbage and collects it, while the dealloc is running. */
  inner_collections = inner_freed = 0;
  rt_object *x = new_node(NULL, 1, NULL);
  rt_object *y = new_node(NULL, 2, NULL);
  link_to(x, y);
  link_to(y, x);
  rt_release(y);
  rt_release(new_noisy(x));
  print("inner-calls-dealloc", inner_collections);
  print("inner-freed-dealloc", inner_freed);
  print_live();
}

/* ---- immortal objects ------------------------------------------------------------------------ */

static list_node constant_node = {{RT_REFCOUNT_IMMORTAL, &list_node_layout}, NULL, 42};
static rt_object *immortal_holder;

static void immortal(void) {
  rt_object *constant = &constant_node.header;
  rt_retain(constant);
  rt_release(constant);
  /* A garbage cycle that refers to a static constant. */
  rt_object *b = new_pair(NULL, NULL);
  rt_object *a = new_pair(b, constant);
  rt_retain(a);
  ((pair *)b)->left = a;
  rt_release(a);
  print("collect", rt_gc_collect());
  print("constant-refcount", constant_node.header.refcount);
  print("constant-value", constant_node.value);
  /* A cycle held by an allocated object made immortal: alive. */
  rt_object *x = new_node(NULL, 1, NULL);
  rt_object *y = new_node(NULL, 2, NULL);
  link_to(x, y);
  link_to(y, x);
  rt_release(y);
  immortal_holder = new_pair(x, NULL);
  immortal_holder->refcount = RT_REFCOUNT_IMMORTAL;
  print("collect-held-by-immortal", rt_gc_collect());
  print("holder-refcount", immortal_holder->refcount);
  print_live();
}

/* ---- what valgrind must see -------------------------------------------------------------------- */

static volatile int64_t sink;

static __attribute__((noinline)) void use_after_free(void) {
  rt_object *l = new_leaf(5, NULL);
  rt_release(l);
  sink = ((leaf *)l)->value;
  print("read", 1);
}

/* Two leaves and a tracked node, allocated and forgotten: memcheck must call them lost. */
static __attribute__((noinline)) void forget_objects(void) {
  new_leaf(1, NULL);
  new_leaf(2, NULL);
  new_node(NULL, 3, NULL);
}

static void valgrind_leak(void) {
  forget_objects();
  print_live();
}

/* --------------------------------------------------------------------------------------------- */

static const struct {
  const char *name;
  void (*run)(void);
} scenarios[] = {
    {"long-list", long_list},
    {"long-cycle", long_cycle},
    {"two-cycle", two_cycle},
    {"self-cycle", self_cycle},
    {"cycle-held", cycle_held},
    {"cycle-with-garbage", cycle_with_garbage},
    {"size-classes", size_classes},
    {"leaks", leaks},
    {"no-leaks", no_leaks},
    {"auto-collect", auto_collect},
    {"reentrant", reentrant},
    {"immortal", immortal},
    {"use-after-free", use_after_free},
    {"valgrind-leak", valgrind_leak},
};

int main(int argc, char **argv) {
  rt_init(argc, argv, NULL, NULL);
  if (argc < 2) {
    fprintf(stderr, "usage: object_harness SCENARIO [COUNT]\n");
    return 2;
  }
  if (argc > 2) count = atoll(argv[2]);
  for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
    if (strcmp(argv[1], scenarios[i].name) == 0) {
      scenarios[i].run();
      fflush(stdout);
      return rt_shutdown();
    }
  }
  fprintf(stderr, "unknown scenario %s\n", argv[1]);
  return 2;
}
