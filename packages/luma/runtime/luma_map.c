/*
 * LumaScript's `Map<K, V>` (`luma_map_*`): the back end's map object (ir/layouts.ts `mapLayout`),
 * an `rt_hash_table` after the object's header, whose keys LumaScript hashes and compares here.
 * A key is stored in 8 bytes: a string as its `rt_str *` (the map holds a reference to it, taken
 * when the entry is added and given back when it is deleted or the map dropped), an integer or a
 * bool as an int64_t (a narrower key reads back from the low bytes, little-endian as the targets
 * are). Values are the caller's: it reads and writes them at the address `luma_map_value_at` gives,
 * a new entry's value zeroed. Positions stay valid until the next addition.
 */
#include <string.h>

#include "hash_table.h"
#include "runtime.h"

#define KEY_SIZE 8

static rt_hash_table *table_of(void *map) { return (rt_hash_table *)((rt_object *)map + 1); }

static bool str_keys_equal(const void *a, const void *b, void *context) {
  (void)context;
  rt_str *x, *y;
  memcpy(&x, a, sizeof x);
  memcpy(&y, b, sizeof y);
  return x == y || rt_str_eq(x, y);
}

static int64_t str_hash(rt_str *key) { return rt_hash_bytes(key->data, (size_t)key->size); }

static int64_t int_hash(int64_t key) { return rt_hash_bytes(&key, sizeof key); }

void luma_map_init(void *map, int64_t value_size) { rt_hash_table_init(table_of(map), KEY_SIZE, value_size); }

/* The position of the entry whose key equals `key`, or -1. */
int64_t luma_map_find_str(void *map, rt_str *key) {
  return rt_hash_table_find(table_of(map), str_hash(key), &key, str_keys_equal, NULL);
}

int64_t luma_map_find_int(void *map, int64_t key) {
  return rt_hash_table_find(table_of(map), int_hash(key), &key, NULL, NULL);
}

/* The position of the entry for `key`, added (its value zeroed) when there was none. */
int64_t luma_map_add_str(void *map, rt_str *key) {
  bool inserted;
  int64_t position = rt_hash_table_position_of(table_of(map), str_hash(key), &key, str_keys_equal, NULL, &inserted);
  if (inserted) rt_str_incref(key);
  return position;
}

int64_t luma_map_add_int(void *map, int64_t key) {
  bool inserted;
  return rt_hash_table_position_of(table_of(map), int_hash(key), &key, NULL, NULL, &inserted);
}

void *luma_map_value_at(void *map, int64_t position) { return rt_hash_table_value_at(table_of(map), position); }

void *luma_map_key_at(void *map, int64_t position) { return rt_hash_table_key_at(table_of(map), position); }

/* Deletes the entry at `position`: its value is the caller's (taken or released); a string key is
   released here. */
void luma_map_delete_at_str(void *map, int64_t position) {
  rt_str *key;
  rt_hash_table_delete_at(table_of(map), position, &key, NULL);
  rt_str_decref(key);
}

void luma_map_delete_at_int(void *map, int64_t position) {
  rt_hash_table_delete_at(table_of(map), position, NULL, NULL);
}

/* The first live entry's position at or after `position`, or -1: iteration in insertion order. */
int64_t luma_map_next(void *map, int64_t position) {
  rt_hash_table *table = table_of(map);
  for (; position < table->used; position++)
    if (rt_hash_table_is_live(table, position)) return position;
  return -1;
}
