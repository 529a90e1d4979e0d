/*
 * The leak checker: with TOOLCHAIN_CHECK_LEAKS=1, says at exit which objects were never freed and where
 * they were allocated.
 *
 * Why: a compiler that inserts reference counting can miss a release, and the program still runs; the
 * checker makes such a bug visible in an ordinary test run, naming the layout and the allocation site
 * in the source program, which valgrind cannot (it knows C functions, not the program's lines).
 *
 * How: when checking, every object gets one more prefix (rt_leak_record: the site, the object and the
 * links of a doubly linked list of live objects), so the normal path pays nothing but a predictable
 * branch. The variable is read once, before any object exists, since the prefix changes where every
 * block starts. The report first runs a collection (garbage cycles are not leaks of the program, the
 * collector would free them), then counts live objects by layout name and site, most first. Immortal
 * objects (a refcount made negative) are meant to live forever and are not counted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object_internal.h"
#include "runtime.h"

size_t rt_leak_prefix_size;

static rt_leak_record live = {&live, &live, NULL, NULL};
static bool initialised;
static bool reported;

void rt_objects_init(void) {
  if (initialised) return;
  initialised = true;
  if (rt_object_live_count() != 0) return;
  const char *setting = getenv("TOOLCHAIN_CHECK_LEAKS");
  if (setting != NULL && strcmp(setting, "1") == 0) rt_leak_prefix_size = sizeof(rt_leak_record);
}

bool rt_leak_check_enabled(void) { return rt_leak_prefix_size != 0; }

void rt_leak_remember(rt_leak_record *record, rt_object *object, const rt_alloc_site *site) {
  record->site = site;
  record->object = object;
  record->prev = live.prev;
  record->next = &live;
  live.prev->next = record;
  live.prev = record;
}

void rt_leak_forget(rt_leak_record *record) {
  record->prev->next = record->next;
  record->next->prev = record->prev;
}

typedef struct leak_group {
  const char *name;
  const rt_alloc_site *site;
  int64_t count;
} leak_group;

static int compare_text(const char *a, const char *b) {
  if (a == NULL || b == NULL) return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

/* Same layout name and same site (by content: two site constants for one line are one site). */
static int compare_key(const leak_group *a, const leak_group *b) {
  int order = compare_text(a->name, b->name);
  if (order != 0) return order;
  if (a->site == NULL || b->site == NULL) return (a->site != NULL) - (b->site != NULL);
  order = compare_text(a->site->file, b->site->file);
  if (order != 0) return order;
  if (a->site->line != b->site->line) return a->site->line < b->site->line ? -1 : 1;
  return compare_text(a->site->function, b->site->function);
}

static int by_key(const void *a, const void *b) { return compare_key(a, b); }

static int by_count_then_key(const void *a, const void *b) {
  const leak_group *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return compare_key(x, y);
}

static void put_group(rt_buf *out, const leak_group *group) {
  char number[32];
  snprintf(number, sizeof number, "  %lld ", (long long)group->count);
  rt_buf_puts(out, number);
  rt_buf_puts(out, group->name != NULL ? group->name : "?");
  const rt_alloc_site *site = group->site;
  if (site == NULL) {
    rt_buf_puts(out, " allocated at an unknown site\n");
    return;
  }
  rt_buf_puts(out, " allocated at ");
  rt_buf_puts(out, site->file != NULL ? site->file : "?");
  snprintf(number, sizeof number, ":%ld", (long)site->line);
  rt_buf_puts(out, number);
  if (site->function != NULL) {
    rt_buf_puts(out, " in ");
    rt_buf_puts(out, site->function);
  }
  rt_buf_putc(out, '\n');
}

void rt_leak_check_report(void) {
  if (rt_leak_prefix_size == 0 || reported) return;
  reported = true;
  rt_gc_collect();
  size_t count = 0;
  for (rt_leak_record *r = live.next; r != &live; r = r->next)
    if (r->object->refcount >= 0) count++;
  leak_group *groups = rt_malloc((count > 0 ? count : 1) * sizeof *groups);
  size_t n = 0;
  for (rt_leak_record *r = live.next; r != &live; r = r->next)
    if (r->object->refcount >= 0) groups[n++] = (leak_group){r->object->layout->name, r->site, 1};
  qsort(groups, n, sizeof *groups, by_key);
  size_t distinct = 0;
  for (size_t i = 0; i < n; i++) {
    if (distinct > 0 && compare_key(&groups[distinct - 1], &groups[i]) == 0)
      groups[distinct - 1].count++;
    else
      groups[distinct++] = groups[i];
  }
  qsort(groups, distinct, sizeof *groups, by_count_then_key);
  rt_buf out = {0};
  char line[64];
  snprintf(line, sizeof line, "leak check: %zu live objects\n", count);
  rt_buf_puts(&out, line);
  for (size_t i = 0; i < distinct; i++) put_group(&out, &groups[i]);
  rt_stderr_write(out.data, out.len);
  rt_buf_free(&out);
  free(groups);
}
