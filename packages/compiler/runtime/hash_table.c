/* The insertion-ordered hash table (hash_table.h): an index table over an array of entries. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* Index slot values besides entry positions. */
enum { EMPTY = -1, DUMMY = -2 };

#define MIN_SLOTS 8
/* The stored hash of a deleted entry; a caller's hash of this value is stored as the next one up. */
#define DELETED_HASH INT64_MIN
#define HASH_BYTES 8

static inline int64_t normalise(int64_t hash) { return hash == DELETED_HASH ? DELETED_HASH + 1 : hash; }

/* Two thirds of the slots may number entries, so a probe always ends at an empty slot, soon. */
static inline int64_t usable_of(int64_t slots) { return slots * 2 / 3; }

static inline int64_t round8(int64_t n) { return (n + 7) & ~(int64_t)7; }

static inline int64_t get_index(const rt_hash_table *table, int64_t slot) {
  switch (table->index_width) {
    case 1:
      return ((const int8_t *)table->indices)[slot];
    case 2:
      return ((const int16_t *)table->indices)[slot];
    case 4:
      return ((const int32_t *)table->indices)[slot];
    default:
      return ((const int64_t *)table->indices)[slot];
  }
}

static inline void set_index(rt_hash_table *table, int64_t slot, int64_t index) {
  switch (table->index_width) {
    case 1:
      ((int8_t *)table->indices)[slot] = (int8_t)index;
      return;
    case 2:
      ((int16_t *)table->indices)[slot] = (int16_t)index;
      return;
    case 4:
      ((int32_t *)table->indices)[slot] = (int32_t)index;
      return;
    default:
      ((int64_t *)table->indices)[slot] = index;
      return;
  }
}

static inline char *entry_at(const rt_hash_table *table, int64_t position) {
  return table->entries + position * table->entry_size;
}

static inline int64_t stored_hash(const char *entry) {
  int64_t hash;
  memcpy(&hash, entry, sizeof hash);
  return hash;
}

static inline void store_hash(char *entry, int64_t hash) { memcpy(entry, &hash, sizeof hash); }

static inline char *key_of(char *entry) { return entry + HASH_BYTES; }

static inline char *value_of(const rt_hash_table *table, char *entry) {
  return entry + HASH_BYTES + round8(table->key_size);
}

static inline bool keys_equal(const rt_hash_table *table, const void *key, const char *stored, rt_key_equal_fn equal,
                              void *context) {
  return equal != NULL ? equal(key, stored, context) : memcmp(key, stored, (size_t)table->key_size) == 0;
}

/* The next slot of a probe: every bit of the hash soon takes part, and every slot is reached. */
static inline uint64_t next_slot(const rt_hash_table *table, uint64_t slot, uint64_t *perturb) {
  *perturb >>= 5;
  return (slot * 5 + *perturb + 1) & (uint64_t)table->mask;
}

/*
 * Probes for `key`. Found: returns its position, with *slot_out its index slot. Not found: returns -1,
 * with *slot_out the slot a new entry should take (the first dummy passed, else the empty slot that
 * ended the probe). The table has slots.
 */
static int64_t probe(const rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal, void *context,
                     int64_t *slot_out) {
  uint64_t perturb = (uint64_t)hash;
  uint64_t slot = perturb & (uint64_t)table->mask;
  int64_t free_slot = -1;
  for (;;) {
    int64_t index = get_index(table, (int64_t)slot);
    if (index == EMPTY) {
      *slot_out = free_slot >= 0 ? free_slot : (int64_t)slot;
      return -1;
    }
    if (index == DUMMY) {
      if (free_slot < 0) free_slot = (int64_t)slot;
    } else {
      char *entry = entry_at(table, index);
      if (stored_hash(entry) == hash && keys_equal(table, key, key_of(entry), equal, context)) {
        *slot_out = (int64_t)slot;
        return index;
      }
    }
    slot = next_slot(table, slot, &perturb);
  }
}

/* The first empty slot of a hash's probe, in a table without dummies (just rebuilt). */
static int64_t empty_slot(const rt_hash_table *table, int64_t hash) {
  uint64_t perturb = (uint64_t)hash;
  uint64_t slot = perturb & (uint64_t)table->mask;
  while (get_index(table, (int64_t)slot) != EMPTY) slot = next_slot(table, slot, &perturb);
  return (int64_t)slot;
}

/* The index slot that holds `position` (a live entry's). */
static int64_t slot_of(const rt_hash_table *table, int64_t position) {
  uint64_t perturb = (uint64_t)stored_hash(entry_at(table, position));
  uint64_t slot = perturb & (uint64_t)table->mask;
  while (get_index(table, (int64_t)slot) != position) slot = next_slot(table, slot, &perturb);
  return (int64_t)slot;
}

void rt_hash_table_init(rt_hash_table *table, int64_t key_size, int64_t value_size) {
  if (key_size <= 0 || value_size < 0 || key_size > INT32_MAX / 4 || value_size > INT32_MAX / 4) rt_out_of_memory();
  *table = (rt_hash_table){
      .indices = NULL,
      .entries = NULL,
      .key_size = (int32_t)key_size,
      .value_size = (int32_t)value_size,
      .entry_size = (int32_t)(HASH_BYTES + round8(key_size) + round8(value_size)),
      .index_width = 1,
  };
}

/*
 * Moves the live entries, in order, into a new block of `slots` index slots (a power of two) and
 * indexes them: compacted, without dummies. Also what makes the first block.
 */
static void rebuild(rt_hash_table *table, int64_t slots) {
  int32_t width = slots <= 128 ? 1 : slots <= (1 << 15) ? 2 : slots <= ((int64_t)1 << 31) ? 4 : 8;
  int64_t usable = usable_of(slots);
  int64_t index_bytes, entry_bytes, total;
  if (__builtin_mul_overflow(slots, (int64_t)width, &index_bytes) ||
      __builtin_mul_overflow(usable, (int64_t)table->entry_size, &entry_bytes) ||
      __builtin_add_overflow(index_bytes, entry_bytes, &total) || total > PTRDIFF_MAX)
    rt_out_of_memory();
  char *block = rt_malloc((size_t)total);
  memset(block, 0xff, (size_t)index_bytes); /* every width's EMPTY (-1) is all ones */
  char *entries = block + index_bytes;      /* index_bytes is a multiple of 8: slots >= 8 */
  if (table->length == table->used) {
    if (table->used > 0) memcpy(entries, table->entries, (size_t)(table->used * table->entry_size));
  } else {
    char *to = entries;
    for (int64_t position = 0; position < table->used; position++) {
      const char *entry = entry_at(table, position);
      if (stored_hash(entry) == DELETED_HASH) continue;
      memcpy(to, entry, (size_t)table->entry_size);
      to += table->entry_size;
    }
  }
  free(table->indices);
  table->indices = block;
  table->entries = entries;
  table->used = table->length;
  table->filled = table->length;
  table->usable = usable;
  table->mask = slots - 1;
  table->index_width = width;
  for (int64_t position = 0; position < table->length; position++)
    set_index(table, empty_slot(table, stored_hash(entry_at(table, position))), position);
}

/* The smallest power of two that is at least MIN_SLOTS and `count`. */
static int64_t slots_at_least(int64_t count) {
  int64_t slots = MIN_SLOTS;
  while (slots < count) {
    if (slots > INT64_MAX / 4) rt_out_of_memory();
    slots *= 2;
  }
  return slots;
}

void rt_hash_table_reserve(rt_hash_table *table, int64_t count) {
  int64_t more = count - table->length;
  if (more <= table->usable - table->used && more <= table->usable - table->filled) return;
  int64_t slots = slots_at_least(count < table->length ? table->length : count);
  while (usable_of(slots) < count) slots *= 2;
  rebuild(table, slots);
}

int64_t rt_hash_table_find(const rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                           void *context) {
  if (table->length == 0) return -1;
  int64_t slot;
  return probe(table, normalise(hash), key, equal, context, &slot);
}

void *rt_hash_table_lookup(const rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                           void *context) {
  int64_t position = rt_hash_table_find(table, hash, key, equal, context);
  return position < 0 ? NULL : value_of(table, entry_at(table, position));
}

int64_t rt_hash_table_position_of(rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                                  void *context, bool *inserted) {
  hash = normalise(hash);
  int64_t slot = -1;
  if (table->indices != NULL) {
    int64_t position = probe(table, hash, key, equal, context, &slot);
    if (position >= 0) {
      *inserted = false;
      return position;
    }
  }
  if (table->used == table->usable || table->filled == table->usable) {
    /* Room for three times the live entries: doubles a table without deletions, and shrinks one
       that is mostly deleted entries. */
    if (table->length > INT64_MAX / 3) rt_out_of_memory();
    rebuild(table, slots_at_least(table->length * 3));
    slot = empty_slot(table, hash);
  }
  if (get_index(table, slot) == EMPTY) table->filled++;
  int64_t position = table->used++;
  char *entry = entry_at(table, position);
  store_hash(entry, hash);
  memset(key_of(entry), 0, (size_t)(table->entry_size - HASH_BYTES));
  memcpy(key_of(entry), key, (size_t)table->key_size);
  set_index(table, slot, position);
  table->length++;
  *inserted = true;
  return position;
}

void *rt_hash_table_find_or_insert(rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                                   void *context, bool *inserted) {
  int64_t position = rt_hash_table_position_of(table, hash, key, equal, context, inserted);
  return value_of(table, entry_at(table, position));
}

bool rt_hash_table_insert(rt_hash_table *table, int64_t hash, const void *key, const void *value, rt_key_equal_fn equal,
                          void *context, void *old_value) {
  bool inserted;
  void *slot = rt_hash_table_find_or_insert(table, hash, key, equal, context, &inserted);
  size_t size = (size_t)table->value_size;
  if (!inserted && old_value != NULL) memcpy(old_value, slot, size);
  if (value != NULL) memcpy(slot, value, size);
  return !inserted;
}

/* Empties the entry at `position` whose index is at `slot`. */
static void remove_entry(rt_hash_table *table, int64_t position, int64_t slot, void *removed_key, void *removed_value) {
  char *entry = entry_at(table, position);
  if (removed_key != NULL) memcpy(removed_key, key_of(entry), (size_t)table->key_size);
  if (removed_value != NULL) memcpy(removed_value, value_of(table, entry), (size_t)table->value_size);
  set_index(table, slot, DUMMY);
  store_hash(entry, DELETED_HASH);
  memset(key_of(entry), 0, (size_t)(table->entry_size - HASH_BYTES));
  table->length--;
  /* Deleted entries at the end are given back (their slots stay dummies, counted in `filled`), so
     popping the last entry again and again finds it at once and reuses its room. */
  while (table->used > 0 && stored_hash(entry_at(table, table->used - 1)) == DELETED_HASH) table->used--;
}

bool rt_hash_table_delete(rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal, void *context,
                          void *removed_key, void *removed_value) {
  if (table->length == 0) return false;
  int64_t slot;
  int64_t position = probe(table, normalise(hash), key, equal, context, &slot);
  if (position < 0) return false;
  remove_entry(table, position, slot, removed_key, removed_value);
  return true;
}

void rt_hash_table_delete_at(rt_hash_table *table, int64_t position, void *removed_key, void *removed_value) {
  remove_entry(table, position, slot_of(table, position), removed_key, removed_value);
}

bool rt_hash_table_next(const rt_hash_table *table, int64_t *position, void **key, void **value) {
  while (*position < table->used) {
    char *entry = entry_at(table, (*position)++);
    if (stored_hash(entry) == DELETED_HASH) continue;
    if (key != NULL) *key = key_of(entry);
    if (value != NULL) *value = value_of(table, entry);
    return true;
  }
  return false;
}

bool rt_hash_table_is_live(const rt_hash_table *table, int64_t position) {
  return stored_hash(entry_at(table, position)) != DELETED_HASH;
}

int64_t rt_hash_table_hash_at(const rt_hash_table *table, int64_t position) {
  return stored_hash(entry_at(table, position));
}

void *rt_hash_table_key_at(const rt_hash_table *table, int64_t position) { return key_of(entry_at(table, position)); }

void *rt_hash_table_value_at(const rt_hash_table *table, int64_t position) {
  return value_of(table, entry_at(table, position));
}

/* The entry at used - 1 is always live: deletions give back deleted entries at the end. */
int64_t rt_hash_table_last(const rt_hash_table *table) { return table->length == 0 ? -1 : table->used - 1; }

void rt_hash_table_clear(rt_hash_table *table) {
  if (table->indices != NULL) memset(table->indices, 0xff, (size_t)((table->mask + 1) * table->index_width));
  table->length = 0;
  table->used = 0;
  table->filled = 0;
}

/* Forgets the block without freeing it. */
static void detach(rt_hash_table *table) {
  table->indices = NULL;
  table->entries = NULL;
  table->length = 0;
  table->used = 0;
  table->filled = 0;
  table->usable = 0;
  table->mask = 0;
  table->index_width = 1;
}

void rt_hash_table_free(rt_hash_table *table) {
  free(table->indices);
  detach(table);
}

void rt_hash_table_clear_with(rt_hash_table *table, void (*release)(void *key, void *value, void *context),
                              void *context) {
  rt_hash_table detached = *table;
  detach(table);
  int64_t position = 0;
  void *key, *value;
  while (rt_hash_table_next(&detached, &position, &key, &value)) release(key, value, context);
  free(detached.indices);
}
