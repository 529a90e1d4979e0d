/*
 * Sets and frozensets (py_containers.h): CPython 3.11's Objects/setobject.c, whose table layout is the
 * order a set prints in, so each step that places an entry (probing, reusing a dummy, resizing, the
 * copy a result starts from, which operand an operation walks) is CPython's.
 */
#include <stdlib.h>
#include <string.h>

#include "py_containers.h"
#include "py_hash.h"
#include "py_runtime.h"

/* CPython's; the type id is the one py_containers.h's list of the runtime's layouts gives sets. */
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* A free entry's hash; its key tells an empty slot (ends a probe) from a dummy (a probe passes it). */
#define FREE_HASH (-1)
#define EMPTY_KEY (-1)
#define DUMMY_KEY 0

static inline bool is_live(const py_set_entry *entry) { return entry->hash != FREE_HASH; }
static inline bool is_empty(const py_set_entry *entry) {
  return entry->hash == FREE_HASH && entry->key == EMPTY_KEY;
}

/* Every byte 0xff: hash and key -1, an empty entry. */
static void clear_entries(py_set_entry *table, int64_t slots) { memset(table, 0xff, (size_t)slots * sizeof *table); }

/* Words of kinds other than float, object and int are equal exactly when their bits are; identical
   bits are equal for those too (CPython's identity test, which a NaN passes; an int's word is its
   small value or its big int). */
static inline bool keys_equal(const py_set *set, int64_t stored, int64_t key) {
  return stored == key ||
         ((set->kind == 'f' || set->kind == 'o' || set->kind == 'a' || (set->kind == 'i' && (stored & key & 1))) &&
          py_word_eq(stored, key, set->kind));
}

static inline int64_t key_hash(const py_set *set, int64_t key) {
  switch (set->kind) {
    case 'i':
      return py_int_hash(key);
    case 'b':
      return key;
    default:
      return py_word_hash(key, set->kind);
  }
}

/* The live entry whose key equals `key`, or NULL. */
static py_set_entry *lookkey(const py_set *set, int64_t key, int64_t hash) {
  size_t mask = (size_t)set->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    py_set_entry *entry = &set->table[i];
    int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      if (entry->hash == hash) {
        if (keys_equal(set, entry->key, key)) return entry;
      } else if (is_empty(entry)) {
        return NULL;
      }
      entry++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/* Places a key known to be absent in a table without dummies. */
static void insert_clean(py_set_entry *table, size_t mask, int64_t key, int64_t hash) {
  size_t perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    py_set_entry *entry = &table[i];
    int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      if (is_empty(entry)) {
        *entry = (py_set_entry){key, hash};
        return;
      }
      entry++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/* Rebuilds the table with the smallest power of two above `minused` slots (at least 8), placing the
   live entries in the old table's slot order and dropping the dummies. */
static void resize(py_set *set, int64_t minused) {
  int64_t slots = PY_SET_MIN_SIZE;
  while (slots <= minused) {
    if (slots > INT64_MAX / 2 / (int64_t)sizeof(py_set_entry)) rt_out_of_memory();
    slots <<= 1;
  }
  py_set_entry *old = set->table;
  int64_t old_mask = set->mask;
  py_set_entry small_copy[PY_SET_MIN_SIZE];
  py_set_entry *table;
  if (slots == PY_SET_MIN_SIZE) {
    table = set->small;
    if (old == set->small) {
      if (set->fill == set->used) return; /* no dummies to drop */
      memcpy(small_copy, old, sizeof small_copy);
      old = small_copy;
    }
  } else {
    table = rt_malloc((size_t)slots * sizeof *table);
  }
  clear_entries(table, slots);
  set->table = table;
  set->mask = slots - 1;
  set->fill = set->used;
  for (int64_t i = 0; i <= old_mask; i++)
    if (is_live(&old[i])) insert_clean(table, (size_t)set->mask, old[i].key, old[i].hash);
  if (old != set->small && old != small_copy) free(old);
}

static inline int64_t grown_size(const py_set *set) { return set->used > 50000 ? set->used * 2 : set->used * 4; }

/* Adds the key (retained) unless an equal one is there: set_add_entry, which fills the last dummy
   its probe passed before reaching an empty slot. */
static void add_entry(py_set *set, int64_t key, int64_t hash) {
  size_t mask = (size_t)set->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
  py_set_entry *freeslot = NULL, *entry;
  for (;;) {
    entry = &set->table[i];
    int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      if (entry->hash == hash) {
        if (keys_equal(set, entry->key, key)) return;
      } else if (entry->hash == FREE_HASH) {
        if (entry->key == EMPTY_KEY) goto found_free;
        freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_free:
  py_word_retain(key, set->kind);
  set->used++;
  if (freeslot != NULL) {
    *freeslot = (py_set_entry){key, hash};
    return;
  }
  set->fill++;
  *entry = (py_set_entry){key, hash};
  if ((size_t)set->fill * 5 >= mask * 3) resize(set, grown_size(set));
}

/* Whether the key was there; its entry becomes a dummy and the set's reference is released. */
static bool discard_entry(py_set *set, int64_t key, int64_t hash) {
  py_set_entry *entry = lookkey(set, key, hash);
  if (entry == NULL) return false;
  int64_t old = entry->key;
  *entry = (py_set_entry){DUMMY_KEY, FREE_HASH};
  set->used--;
  py_word_release(old, set->kind);
  return true;
}

static inline bool contains_entry(const py_set *set, int64_t key, int64_t hash) {
  return lookkey(set, key, hash) != NULL;
}

/* The next live slot at or after i, or -1: set_next. */
static inline int64_t next_live(const py_set *set, int64_t i) {
  for (; i <= set->mask; i++)
    if (is_live(&set->table[i])) return i;
  return -1;
}

/* The first live entry at or after `entry`, or NULL: a walk in slot order is
   for (entry = live_from(set, set->table); entry != NULL; entry = live_from(set, entry + 1)). */
static inline py_set_entry *live_from(const py_set *set, py_set_entry *entry) {
  const py_set_entry *end = set->table + set->mask + 1;
  while (entry < end && !is_live(entry)) entry++;
  return entry < end ? entry : NULL;
}

/* ---- the object --------------------------------------------------------------------------------- */

static void reset_to_small(py_set *set) {
  clear_entries(set->small, PY_SET_MIN_SIZE);
  set->table = set->small;
  set->mask = PY_SET_MIN_SIZE - 1;
  set->fill = 0;
  set->used = 0;
  set->hash = -1;
}

/* Empties the set before releasing its keys (a release may free anything, this set's other holders
   included), then releases them. */
static void clear_internal(py_set *set) {
  py_set_entry *table = set->table;
  int64_t slots = set->mask + 1;
  py_set_entry small_copy[PY_SET_MIN_SIZE];
  if (table == set->small) {
    if (set->fill == 0) return;
    memcpy(small_copy, table, sizeof small_copy);
    table = small_copy;
  }
  reset_to_small(set);
  if (py_kind_counted(set->kind))
    for (int64_t i = 0; i < slots; i++)
      if (is_live(&table[i])) py_word_release(table[i].key, set->kind);
  if (table != small_copy) free(table);
}

static void set_drop(rt_object *object) { clear_internal((py_set *)object); }

static void set_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  py_set *set = (py_set *)object;
  if (!py_kind_holds_objects(set->kind)) return;
  for (py_set_entry *entry = live_from(set, set->table); entry != NULL; entry = live_from(set, entry + 1)) {
    rt_object *child = py_word_object(entry->key, set->kind);
    if (child != NULL) visit(child, context);
  }
}

const rt_layout py_set_layout = {
    .name = "set",
    .type_id = PY_SET_TYPE_ID,
    .flags = RT_LAYOUT_HOLDS_REFS,
    .size = sizeof(py_set),
    .drop = set_drop,
    .traverse = set_traverse,
};

py_set *py_set_new(int64_t kind, bool frozen) {
  py_set *set = (py_set *)rt_alloc(&py_set_layout, sizeof(py_set), NULL);
  set->kind = kind;
  set->frozen = frozen;
  set->finger = 0;
  reset_to_small(set);
  return set;
}

static inline bool is_set_object(int64_t word, int64_t kind) {
  return kind == 'o' && ((rt_object *)word)->layout == &py_set_layout;
}

/* The frozenset hash of the set's elements, whichever type it is. */
static int64_t contents_hash(const py_set *set) {
  uint64_t shuffled = 0;
  for (py_set_entry *entry = live_from(set, set->table); entry != NULL; entry = live_from(set, entry + 1))
    shuffled ^= py_hash_frozenset_shuffle(entry->hash);
  return py_hash_frozenset_finish(shuffled, set->used);
}

int64_t py_set_hash(py_set *set) {
  if (!set->frozen) {
    rt_raise("TypeError", "unhashable type: 'set'");
    return -1;
  }
  if (set->hash == -1) set->hash = contents_hash(set);
  return set->hash;
}

/* The hash a lookup of `key` uses: a set key (unhashable) is looked up as the frozenset of its
   elements, as set_contains, set_remove and set_discard retry it. False when the key has none. */
static bool lookup_hash(const py_set *set, int64_t key, int64_t *hash) {
  if (is_set_object(key, set->kind) && !((py_set *)key)->frozen) {
    *hash = contents_hash((py_set *)key);
    return true;
  }
  *hash = key_hash(set, key);
  return !rt_error_pending;
}

/* ---- one element -------------------------------------------------------------------------------- */

void py_set_add_word(py_set *set, int64_t key) {
  int64_t hash = key_hash(set, key);
  if (rt_error_pending) return;
  add_entry(set, key, hash);
}

void py_set_add_obj(py_set *set, rt_object *key) { py_set_add_word(set, (int64_t)key); }

bool py_set_contains_word(py_set *set, int64_t key) {
  int64_t hash;
  return lookup_hash(set, key, &hash) && contains_entry(set, key, hash);
}

bool py_set_contains_obj(py_set *set, rt_object *key) { return py_set_contains_word(set, (int64_t)key); }

bool py_set_discard_word(py_set *set, int64_t key) {
  int64_t hash;
  return lookup_hash(set, key, &hash) && discard_entry(set, key, hash);
}

bool py_set_discard_obj(py_set *set, rt_object *key) { return py_set_discard_word(set, (int64_t)key); }

void py_set_remove_word(py_set *set, int64_t key) {
  if (py_set_discard_word(set, key) || rt_error_pending) return;
  rt_buf message = {0};
  py_word_repr(&message, key, set->kind);
  rt_buf_putc(&message, '\0');
  rt_raise("KeyError", message.data);
  rt_buf_free(&message);
}

void py_set_remove_obj(py_set *set, rt_object *key) { py_set_remove_word(set, (int64_t)key); }

/* set_pop: the first live entry from the finger on, wrapping around; the finger then points past it,
   so repeated pops walk the table instead of rescanning its start. */
int64_t py_set_pop_word(py_set *set) {
  if (set->used == 0) {
    rt_raise("KeyError", "'pop from an empty set'"); /* str(KeyError(...)): the repr of its argument */
    return 0;
  }
  py_set_entry *entry = set->table + (set->finger & set->mask);
  py_set_entry *limit = set->table + set->mask;
  while (!is_live(entry)) {
    entry++;
    if (entry > limit) entry = set->table;
  }
  int64_t key = entry->key;
  *entry = (py_set_entry){DUMMY_KEY, FREE_HASH};
  set->used--;
  set->finger = entry - set->table + 1;
  return key;
}

rt_object *py_set_pop_obj(py_set *set) { return (rt_object *)py_set_pop_word(set); }

int64_t py_set_length(py_set *set) { return set->used; }

int64_t py_set_next(py_set *set, int64_t position) { return position < 0 ? -1 : next_live(set, position); }

int64_t py_set_key_word(py_set *set, int64_t position) { return set->table[position].key; }

rt_object *py_set_key_obj(py_set *set, int64_t position) { return (rt_object *)set->table[position].key; }

/* ---- whole sets --------------------------------------------------------------------------------- */

/* set_merge: adds other's elements, after one resize up front; into an empty table of the same size
   without dummies it copies slot for slot, into another empty table it places them clean. */
static void merge(py_set *set, const py_set *other) {
  if (other == set || other->used == 0) return;
  if ((set->fill + other->used) * 5 >= set->mask * 3) resize(set, (set->used + other->used) * 2);
  if (set->fill == 0 && set->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; i++) {
      set->table[i] = other->table[i];
      if (is_live(&other->table[i])) py_word_retain(other->table[i].key, set->kind);
    }
    set->fill = other->fill;
    set->used = other->used;
    return;
  }
  if (set->fill == 0) {
    set->fill = other->used;
    set->used = other->used;
    for (py_set_entry *entry = live_from(other, other->table); entry != NULL; entry = live_from(other, entry + 1)) {
      py_word_retain(entry->key, set->kind);
      insert_clean(set->table, (size_t)set->mask, entry->key, entry->hash);
    }
    return;
  }
  for (py_set_entry *entry = live_from(other, other->table); entry != NULL; entry = live_from(other, entry + 1))
    add_entry(set, entry->key, entry->hash);
}

/* A new set or frozenset (as `like`) holding `source`'s elements: make_new_set(type, source). */
static py_set *new_like(const py_set *like, const py_set *source) {
  py_set *result = py_set_new(like->kind, like->frozen);
  if (source != NULL) merge(result, source);
  return result;
}

py_set *py_set_copy(py_set *set) {
  if (set->frozen) {
    rt_retain(&set->header);
    return set;
  }
  return new_like(set, set);
}

void py_set_clear(py_set *set) { clear_internal(set); }

/* set_or: a copy of a, updated from b unless b is a itself. */
py_set *py_set_union(py_set *a, py_set *b) {
  py_set *result = new_like(a, a);
  if (b != a) merge(result, b);
  return result;
}

void py_set_update(py_set *set, py_set *other) { merge(set, other); }

/* set_intersection: walks the smaller set (b when the sizes are equal), adding what the other holds
   to a new set of a's type. */
py_set *py_set_intersection(py_set *a, py_set *b) {
  if (a == b) return new_like(a, a);
  py_set *result = new_like(a, NULL);
  if (b->used > a->used) {
    py_set *t = a;
    a = b;
    b = t;
  }
  for (py_set_entry *entry = live_from(b, b->table); entry != NULL; entry = live_from(b, entry + 1)) {
    if (contains_entry(a, entry->key, entry->hash)) add_entry(result, entry->key, entry->hash);
  }
  return result;
}

/* set_swap_bodies(a, b) where b is a fresh set nobody else holds: a takes b's table. */
static void take_body(py_set *set, py_set *from) {
  py_set_entry *table = set->table;
  int64_t fill = set->fill, used = set->used, mask = set->mask;
  py_set_entry small_copy[PY_SET_MIN_SIZE];
  if (table == set->small) {
    memcpy(small_copy, set->small, sizeof small_copy);
    table = small_copy;
  }
  if (from->table == from->small) {
    memcpy(set->small, from->small, sizeof set->small);
    set->table = set->small;
  } else {
    set->table = from->table;
  }
  set->fill = from->fill;
  set->used = from->used;
  set->mask = from->mask;
  set->hash = -1;
  if (table == small_copy) {
    memcpy(from->small, small_copy, sizeof small_copy);
    from->table = from->small;
  } else {
    from->table = table;
  }
  from->fill = fill;
  from->used = used;
  from->mask = mask;
  from->hash = -1;
}

void py_set_intersection_update(py_set *set, py_set *other) {
  py_set *result = py_set_intersection(set, other);
  take_body(set, result);
  rt_release(&result->header);
}

/* set_difference_update_internal: discards other's elements (walking their intersection instead when
   other is more than eight times larger), then rebuilds when over a quarter of the slots are dummies. */
static void difference_update(py_set *set, py_set *other) {
  if (set == other) {
    clear_internal(set);
    return;
  }
  py_set *walked = other;
  if ((other->used >> 3) > set->used) walked = py_set_intersection(set, other);
  for (py_set_entry *entry = live_from(walked, walked->table); entry != NULL; entry = live_from(walked, entry + 1))
    discard_entry(set, entry->key, entry->hash);
  if (walked != other) rt_release(&walked->header);
  if ((size_t)(set->fill - set->used) > (size_t)set->mask / 4) resize(set, grown_size(set));
}

void py_set_difference_update(py_set *set, py_set *other) { difference_update(set, other); }

/* set_difference: when a is over four times larger than b, a copy of a less b's elements; otherwise
   a's elements that b lacks, added in a's order to a new set. */
py_set *py_set_difference(py_set *a, py_set *b) {
  if ((a->used >> 2) > b->used) {
    py_set *result = new_like(a, a);
    difference_update(result, b);
    return result;
  }
  py_set *result = new_like(a, NULL);
  for (py_set_entry *entry = live_from(a, a->table); entry != NULL; entry = live_from(a, entry + 1)) {
    if (!contains_entry(b, entry->key, entry->hash)) add_entry(result, entry->key, entry->hash);
  }
  return result;
}

/* set_symmetric_difference_update: walks other, discarding what the set has and adding the rest
   (other's entry keeps a discarded key alive). */
void py_set_symmetric_difference_update(py_set *set, py_set *other) {
  if (set == other) {
    clear_internal(set);
    return;
  }
  for (py_set_entry *entry = live_from(other, other->table); entry != NULL; entry = live_from(other, entry + 1)) {
    if (!discard_entry(set, entry->key, entry->hash)) add_entry(set, entry->key, entry->hash);
  }
}

/* set_symmetric_difference: a copy of b (of a's type) updated by a. */
py_set *py_set_symmetric_difference(py_set *a, py_set *b) {
  py_set *result = new_like(a, b);
  py_set_symmetric_difference_update(result, a);
  return result;
}

/* The in-place operators: a set is updated and is the result; a frozenset has none, so Python falls
   back to the binary operator and rebinds the name to a new frozenset. */
py_set *py_set_inplace_or(py_set *a, py_set *b) {
  if (a->frozen) return py_set_union(a, b);
  merge(a, b);
  rt_retain(&a->header);
  return a;
}

py_set *py_set_inplace_and(py_set *a, py_set *b) {
  if (a->frozen) return py_set_intersection(a, b);
  py_set_intersection_update(a, b);
  rt_retain(&a->header);
  return a;
}

py_set *py_set_inplace_sub(py_set *a, py_set *b) {
  if (a->frozen) return py_set_difference(a, b);
  difference_update(a, b);
  rt_retain(&a->header);
  return a;
}

py_set *py_set_inplace_xor(py_set *a, py_set *b) {
  if (a->frozen) return py_set_symmetric_difference(a, b);
  py_set_symmetric_difference_update(a, b);
  rt_retain(&a->header);
  return a;
}

bool py_set_issubset(py_set *a, py_set *b) {
  if (a->used > b->used) return false;
  for (py_set_entry *entry = live_from(a, a->table); entry != NULL; entry = live_from(a, entry + 1)) {
    if (!contains_entry(b, entry->key, entry->hash)) return false;
  }
  return true;
}

bool py_set_issuperset(py_set *a, py_set *b) { return py_set_issubset(b, a); }

bool py_set_isdisjoint(py_set *a, py_set *b) {
  if (a == b) return a->used == 0;
  if (b->used > a->used) {
    py_set *t = a;
    a = b;
    b = t;
  }
  for (py_set_entry *entry = live_from(b, b->table); entry != NULL; entry = live_from(b, entry + 1)) {
    if (contains_entry(a, entry->key, entry->hash)) return false;
  }
  return true;
}

bool py_set_eq(py_set *a, py_set *b) {
  if (a->used != b->used) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return py_set_issubset(a, b);
}
