/* Dicts under inserts, lookups, updates and deletes, as dict_heavy.py: an open-addressing hash
   table of int64 keys for the Collatz memo (deletes leave tombstones, as there are no inserts after
   them) and one of string keys for the multigraph's degrees and edge multiplicities. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EMPTY, FULL, DELETED };

/* --- int64 -> long ---------------------------------------------------------------------------- */

struct int_slot {
  int64_t key;
  long value;
  unsigned char state;
};

struct int_table {
  struct int_slot *slots;
  size_t capacity, used; /* used counts FULL and DELETED slots: both lengthen probes */
  size_t len;
};

static size_t int_hash(int64_t key) { return (size_t)((uint64_t)key * 0x9E3779B97F4A7C15u >> 17); }

/* The slot of key, or the empty slot where it would go. */
static struct int_slot *int_find(const struct int_table *t, int64_t key) {
  size_t mask = t->capacity - 1;
  for (size_t i = int_hash(key) & mask;; i = (i + 1) & mask) {
    struct int_slot *s = &t->slots[i];
    if (s->state == EMPTY || (s->state == FULL && s->key == key)) return s;
  }
}

static void int_put(struct int_table *t, int64_t key, long value);

static void int_grow(struct int_table *t) {
  struct int_slot *old = t->slots;
  size_t old_capacity = t->capacity;
  t->capacity = old_capacity ? old_capacity * 2 : 1024;
  t->slots = calloc(t->capacity, sizeof *t->slots);
  t->used = t->len = 0;
  for (size_t i = 0; i < old_capacity; i++)
    if (old[i].state == FULL) int_put(t, old[i].key, old[i].value);
  free(old);
}

static void int_put(struct int_table *t, int64_t key, long value) {
  if (2 * (t->used + 1) > t->capacity) int_grow(t);
  struct int_slot *s = int_find(t, key);
  if (s->state == EMPTY) {
    *s = (struct int_slot){key, value, FULL};
    t->used++;
    t->len++;
  } else {
    s->value = value;
  }
}

/* --- string -> long --------------------------------------------------------------------------- */

struct str_slot {
  char *key; /* owned; NULL: empty */
  size_t hash; /* compared first, as most probes meet other keys */
  long value;
  unsigned char state;
};

struct str_table {
  struct str_slot *slots;
  size_t capacity, used, len;
};

static size_t str_hash(const char *s) {
  uint64_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return (size_t)h;
}

static struct str_slot *str_find(const struct str_table *t, const char *key, size_t hash) {
  size_t mask = t->capacity - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    struct str_slot *s = &t->slots[i];
    if (s->state == EMPTY || (s->state == FULL && s->hash == hash && strcmp(s->key, key) == 0)) return s;
  }
}

static void str_grow(struct str_table *t) {
  struct str_slot *old = t->slots;
  size_t old_capacity = t->capacity;
  t->capacity = old_capacity ? old_capacity * 2 : 1024;
  t->slots = calloc(t->capacity, sizeof *t->slots);
  t->used = t->len = 0;
  for (size_t i = 0; i < old_capacity; i++)
    if (old[i].state == FULL) {
      *str_find(t, old[i].key, old[i].hash) = old[i];
      t->used++;
      t->len++;
    } else {
      free(old[i].key);
    }
  free(old);
}

/* Adds delta to key's value (0 if absent), as `d[key] = d.get(key, 0) + delta`. */
static void str_add(struct str_table *t, const char *key, long delta) {
  if (2 * (t->used + 1) > t->capacity) str_grow(t);
  size_t hash = str_hash(key);
  struct str_slot *s = str_find(t, key, hash);
  if (s->state == EMPTY) {
    *s = (struct str_slot){strdup(key), hash, delta, FULL};
    t->used++;
    t->len++;
  } else {
    s->value += delta;
  }
}

static void str_free(struct str_table *t) {
  for (size_t i = 0; i < t->capacity; i++) free(t->slots[i].key);
  free(t->slots);
}

/* --- the benchmark ---------------------------------------------------------------------------- */

static void collatz_memo(long n) {
  struct int_table memo = {0};
  int_put(&memo, 1, 1);
  long total = 0;
  size_t path_capacity = 1024, path_len;
  int64_t *path = malloc(path_capacity * sizeof *path);
  for (long start = 2; start <= n; start++) {
    path_len = 0;
    int64_t x = start;
    struct int_slot *s;
    while ((s = int_find(&memo, x))->state == EMPTY) {
      if (path_len == path_capacity) path = realloc(path, (path_capacity *= 2) * sizeof *path);
      path[path_len++] = x;
      x = x % 2 == 0 ? x / 2 : 3 * x + 1;
    }
    long length = s->value;
    for (size_t k = path_len; k-- > 0;) int_put(&memo, path[k], ++length);
    total += length;
  }
  free(path);
  size_t size = memo.len;
  /* Evict the keys divisible by 3, then probe for the starts left. */
  for (size_t i = 0; i < memo.capacity; i++)
    if (memo.slots[i].state == FULL && memo.slots[i].key % 3 == 0) {
      memo.slots[i].state = DELETED;
      memo.len--;
    }
  long survivors = 0;
  for (long start = 1; start <= n; start++) {
    struct int_slot *s = int_find(&memo, start);
    if (s->state == FULL) survivors += s->value % 7;
  }
  printf("%ld %zu %zu %ld\n", total, size, memo.len, survivors);
  free(memo.slots);
}

static void graph_degrees(long n_edges, uint64_t seed) {
  long n_nodes = n_edges / 8 + 1;
  char **names = malloc(n_nodes * sizeof *names);
  for (long k = 0; k < n_nodes; k++) {
    char buf[32];
    snprintf(buf, sizeof buf, "node%ld", k);
    names[k] = strdup(buf);
  }
  struct str_table degree = {0}, multiplicity = {0};
  uint64_t state = seed;
  char key[64];
  for (long e = 0; e < n_edges; e++) {
    state = (state * 1103515245 + 12345) % 2147483648u;
    const char *a = names[(state >> 4) % n_nodes];
    state = (state * 1103515245 + 12345) % 2147483648u;
    const char *b = names[(state >> 4) % n_nodes];
    str_add(&degree, a, 1);
    str_add(&degree, b, 1);
    if (strcmp(a, b) < 0) snprintf(key, sizeof key, "%s-%s", a, b);
    else snprintf(key, sizeof key, "%s-%s", b, a);
    str_add(&multiplicity, key, 1);
  }
  long repeated = 0;
  for (size_t i = 0; i < multiplicity.capacity; i++)
    if (multiplicity.slots[i].state == FULL && multiplicity.slots[i].value > 1) repeated++;
  /* Prune the nodes of degree below the average (16). */
  for (long k = 0; k < n_nodes; k++) {
    struct str_slot *s = str_find(&degree, names[k], str_hash(names[k]));
    if (s->state == FULL && s->value < 16) {
      s->state = DELETED;
      degree.len--;
    }
  }
  long checksum = 0;
  for (long k = 0; k < n_nodes; k++) {
    struct str_slot *s = str_find(&degree, names[k], str_hash(names[k]));
    checksum = (checksum * 31 + (s->state == FULL ? s->value : 0)) % 1000000007;
  }
  printf("%zu %ld %zu %ld\n", multiplicity.len, repeated, degree.len, checksum);
  str_free(&degree);
  str_free(&multiplicity);
  for (long k = 0; k < n_nodes; k++) free(names[k]);
  free(names);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  long n = atol(argv[1]);
  collatz_memo(n);
  graph_degrees(n, 7);
  return 0;
}
