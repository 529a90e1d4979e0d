/*
 * Python's dict: the core's insertion-ordered hash table (hash_table.h) of 8-byte key and value
 * words, with CPython's hashes (py_word_hash) and equality (py_word_eq), so lookups by equal keys of
 * different objects agree with CPython's, and KeyError carries repr(key) as CPython's does.
 *
 * Emitted code works by positions: it finds or inserts a key's entry, then reads or writes the value
 * there, so one C function per operation serves keys and values of every kind.
 */
#include <stdlib.h>

#include "py_containers.h"
#include "py_runtime.h"

static void release_entry(void *key, void *value, void *context) {
  py_dict *dict = context;
  py_word_release(*(int64_t *)key, dict->key_kind);
  int64_t word = *(int64_t *)value;
  if (!(dict->value_kind == 'o' && word == 0)) py_word_release(word, dict->value_kind);
}

static void dict_drop(rt_object *object) {
  py_dict *dict = (py_dict *)object;
  rt_hash_table_clear_with(&dict->table, release_entry, dict);
}

static void dict_traverse(rt_object *object, rt_visit_fn visit, void *context) {
  py_dict *dict = (py_dict *)object;
  for (int64_t at = py_dict_next(dict, 0); at >= 0; at = py_dict_next(dict, at + 1)) {
    rt_object *key = py_word_object(*(int64_t *)rt_hash_table_key_at(&dict->table, at), dict->key_kind);
    if (key != NULL) visit(key, context);
    rt_object *value = py_word_object(*(int64_t *)rt_hash_table_value_at(&dict->table, at), dict->value_kind);
    if (value != NULL) visit(value, context);
  }
}

const rt_layout py_dict_layout = {
    .name = "dict",
    .type_id = PY_DICT_TYPE_ID,
    .flags = RT_LAYOUT_HOLDS_REFS,
    .size = sizeof(py_dict),
    .drop = dict_drop,
    .traverse = dict_traverse,
};

py_dict *py_dict_new(int64_t key_kind, int64_t value_kind) {
  py_dict *dict = (py_dict *)rt_alloc(&py_dict_layout, sizeof(py_dict), NULL);
  rt_hash_table_init(&dict->table, 8, 8);
  dict->key_kind = key_kind;
  dict->value_kind = value_kind;
  return dict;
}

static bool keys_equal(const void *a, const void *b, void *context) {
  py_dict *dict = context;
  return py_word_eq(*(const int64_t *)a, *(const int64_t *)b, dict->key_kind);
}

int64_t py_dict_find_word(py_dict *dict, int64_t key) {
  int64_t hash = py_word_hash(key, dict->key_kind);
  if (rt_error_pending) return -1;
  return rt_hash_table_find(&dict->table, hash, &key, keys_equal, dict);
}

int64_t py_dict_find_obj(py_dict *dict, rt_object *key) { return py_dict_find_word(dict, (int64_t)(intptr_t)key); }

int64_t py_dict_insert_word(py_dict *dict, int64_t key) {
  int64_t hash = py_word_hash(key, dict->key_kind);
  if (rt_error_pending) return -1;
  bool inserted = false;
  int64_t position = rt_hash_table_position_of(&dict->table, hash, &key, keys_equal, dict, &inserted);
  if (inserted) py_word_retain(key, dict->key_kind);
  return position;
}

int64_t py_dict_insert_obj(py_dict *dict, rt_object *key) { return py_dict_insert_word(dict, (int64_t)(intptr_t)key); }

int64_t py_dict_value_word(py_dict *dict, int64_t position) {
  return *(int64_t *)rt_hash_table_value_at(&dict->table, position);
}

rt_object *py_dict_value_obj(py_dict *dict, int64_t position) {
  return (rt_object *)(intptr_t)py_dict_value_word(dict, position);
}

void py_dict_set_value_word(py_dict *dict, int64_t position, int64_t value) {
  int64_t *slot = rt_hash_table_value_at(&dict->table, position);
  int64_t old = *slot;
  py_word_retain(value, dict->value_kind);
  *slot = value;
  if (!(dict->value_kind == 'o' && old == 0)) py_word_release(old, dict->value_kind);
}

void py_dict_set_value_obj(py_dict *dict, int64_t position, rt_object *value) {
  py_dict_set_value_word(dict, position, (int64_t)(intptr_t)value);
}

static void raise_key_error(int64_t key, int64_t kind) {
  rt_buf b = {0};
  py_word_repr(&b, key, kind);
  rt_buf_putc(&b, '\0');
  rt_raise("KeyError", b.data);
  rt_buf_free(&b);
}

void py_dict_key_error_word(py_dict *dict, int64_t key) { raise_key_error(key, dict->key_kind); }
void py_dict_key_error_obj(py_dict *dict, rt_object *key) { raise_key_error((int64_t)(intptr_t)key, dict->key_kind); }

void py_dict_delete_word(py_dict *dict, int64_t key) {
  int64_t hash = py_word_hash(key, dict->key_kind);
  if (rt_error_pending) return;
  int64_t removed_key = 0;
  int64_t removed_value = 0;
  if (!rt_hash_table_delete(&dict->table, hash, &key, keys_equal, dict, &removed_key, &removed_value)) {
    raise_key_error(key, dict->key_kind);
    return;
  }
  release_entry(&removed_key, &removed_value, dict);
}

void py_dict_delete_obj(py_dict *dict, rt_object *key) { py_dict_delete_word(dict, (int64_t)(intptr_t)key); }

int64_t py_dict_length(py_dict *dict) { return rt_hash_table_length(&dict->table); }

int64_t py_dict_next(py_dict *dict, int64_t position) {
  for (; position < dict->table.used; position++) {
    if (rt_hash_table_is_live(&dict->table, position)) return position;
  }
  return -1;
}

int64_t py_dict_key_word(py_dict *dict, int64_t position) {
  return *(int64_t *)rt_hash_table_key_at(&dict->table, position);
}

rt_object *py_dict_key_obj(py_dict *dict, int64_t position) {
  return (rt_object *)(intptr_t)py_dict_key_word(dict, position);
}

bool py_dict_eq(py_dict *a, py_dict *b) {
  if (py_dict_length(a) != py_dict_length(b)) return false;
  for (int64_t at = py_dict_next(a, 0); at >= 0; at = py_dict_next(a, at + 1)) {
    int64_t other = py_dict_find_word(b, py_dict_key_word(a, at));
    if (other < 0 || !py_word_eq(py_dict_value_word(a, at), py_dict_value_word(b, other), a->value_kind)) return false;
  }
  return true;
}

py_dict *py_dict_copy(py_dict *dict) {
  py_dict *copy = py_dict_new(dict->key_kind, dict->value_kind);
  for (int64_t at = py_dict_next(dict, 0); at >= 0; at = py_dict_next(dict, at + 1)) {
    int64_t position = py_dict_insert_word(copy, py_dict_key_word(dict, at));
    py_dict_set_value_word(copy, position, py_dict_value_word(dict, at));
  }
  return copy;
}

void py_dict_clear(py_dict *dict) { dict_drop(&dict->header); }

int64_t py_dict_insert_new_word(py_dict *dict, int64_t key) {
  int64_t before = py_dict_length(dict);
  int64_t position = py_dict_insert_word(dict, key);
  if (position < 0) return position;
  return py_dict_length(dict) > before ? -position - 1 : position;
}

int64_t py_dict_insert_new_obj(py_dict *dict, rt_object *key) {
  return py_dict_insert_new_word(dict, (int64_t)(intptr_t)key);
}

void py_dict_delete_at(py_dict *dict, int64_t position) {
  int64_t removed_key = 0;
  int64_t removed_value = 0;
  rt_hash_table_delete_at(&dict->table, position, &removed_key, &removed_value);
  release_entry(&removed_key, &removed_value, dict);
}

int64_t py_dict_last(py_dict *dict) {
  int64_t position = rt_hash_table_last(&dict->table);
  if (position < 0) rt_raise("KeyError", "'popitem(): dictionary is empty'");
  return position;
}

void py_dict_update(py_dict *dict, py_dict *other) {
  if (dict == other) return;
  for (int64_t at = py_dict_next(other, 0); at >= 0; at = py_dict_next(other, at + 1)) {
    int64_t position = py_dict_insert_word(dict, py_dict_key_word(other, at));
    if (position < 0) return;
    py_dict_set_value_word(dict, position, py_dict_value_word(other, at));
  }
}

/* ---- collections.defaultdict and collections.Counter ----------------------------------------- */

py_dict *py_dict_new_flavored(int64_t key_kind, int64_t value_kind, int64_t flavor, int64_t factory,
                              int64_t factory_kind) {
  py_dict *dict = py_dict_new(key_kind, value_kind);
  dict->flavor = flavor;
  dict->factory = factory;
  dict->factory_kind = factory_kind;
  return dict;
}

/* A new value of the defaultdict's factory, as an owned word. */
static int64_t factory_value(const py_dict *dict) {
  switch (dict->factory) {
    case 'l':
      return (int64_t)(intptr_t)py_list_new(dict->factory_kind, 0);
    case 'S':
      return (int64_t)(intptr_t)py_set_new(dict->factory_kind, false);
    case 's':
      return (int64_t)(intptr_t)rt_str_from_utf8("", 0);
    default:
      return 0; /* int 0, float 0.0 */
  }
}

int64_t py_dict_insert_default_word(py_dict *dict, int64_t key) {
  int64_t found = py_dict_insert_new_word(dict, key);
  if (rt_error_pending) return -1;
  if (found >= 0) return found; /* the key was there */
  int64_t position = -found - 1;
  int64_t value = factory_value(dict);
  py_dict_set_value_word(dict, position, value);
  py_word_release(value, dict->value_kind);
  return position;
}

int64_t py_dict_insert_default_obj(py_dict *dict, rt_object *key) {
  return py_dict_insert_default_word(dict, (int64_t)(intptr_t)key);
}

/* The counts are ints (tagged words). */
static void add_to_count(py_dict *counter, int64_t position, py_int amount) {
  py_int sum = py_int_add(py_dict_value_word(counter, position), amount);
  py_dict_set_value_word(counter, position, sum);
  py_int_release(sum);
}

void py_counter_add_word(py_dict *dict, int64_t key) {
  int64_t position = py_dict_insert_word(dict, key);
  if (position >= 0) add_to_count(dict, position, 2 /* the small 1 */);
}

void py_counter_add_obj(py_dict *dict, rt_object *key) { py_counter_add_word(dict, (int64_t)(intptr_t)key); }

/* Positions by count, most first; equal counts keep insertion order (a stable sort), as CPython's
   most_common (sorted(..., key=itemgetter(1), reverse=True)) does. */
static int64_t *positions_by_count(py_dict *dict, int64_t *count) {
  int64_t n = py_dict_length(dict);
  int64_t *positions = malloc((size_t)(n > 0 ? n : 1) * sizeof *positions);
  if (positions == NULL) rt_out_of_memory();
  int64_t k = 0;
  for (int64_t at = py_dict_next(dict, 0); at >= 0; at = py_dict_next(dict, at + 1)) {
    int64_t value = py_dict_value_word(dict, at);
    int64_t i = k++;
    while (i > 0 && py_word_compare(py_dict_value_word(dict, positions[i - 1]), value, 'i') < 0) {
      positions[i] = positions[i - 1];
      i--;
    }
    positions[i] = at;
  }
  *count = k;
  return positions;
}

py_list *py_counter_most_common(py_dict *dict, int64_t n) {
  /* The pairs' kinds, one immortal string per key kind: the key's, then the count's 'i'. */
  static const rt_str *kinds[128];
  int64_t count;
  int64_t *positions = positions_by_count(dict, &count);
  if (n < 0 || n > count) n = count;
  py_list *result = py_list_new('o', n);
  int64_t key_kind = dict->key_kind & 127;
  if (kinds[key_kind] == NULL) {
    char text[3] = {(char)key_kind, 'i', '\0'};
    kinds[key_kind] = rt_str_immortal_from_cstr(text);
  }
  for (int64_t i = 0; i < n; i++) {
    py_tuple *pair = py_tuple_new(kinds[key_kind]);
    int64_t key = py_dict_key_word(dict, positions[i]);
    py_word_retain(key, dict->key_kind);
    pair->words[0] = key;
    pair->words[1] = py_dict_value_word(dict, positions[i]);
    py_int_retain(pair->words[1]);
    py_list_append_obj(result, &pair->header);
    rt_release(&pair->header);
  }
  free(positions);
  return result;
}

int64_t *py_counter_print_order(py_dict *dict, int64_t *count) { return positions_by_count(dict, count); }

void py_counter_add_counts(py_dict *counter, py_dict *counts) {
  for (int64_t at = py_dict_next(counts, 0); at >= 0; at = py_dict_next(counts, at + 1)) {
    int64_t position = py_dict_insert_word(counter, py_dict_key_word(counts, at));
    if (position < 0) return;
    add_to_count(counter, position, py_dict_value_word(counts, at));
  }
}

/* ---- Counter arithmetic (CPython's Counter.__add__, __sub__, __or__, __and__, subtract, total,
   elements) ------------------------------------------------------------------------------------ */

/* The count of `key` in a Counter, or the small 0 for a key it has not (borrowed). */
static py_int count_of(py_dict *counter, int64_t key) {
  int64_t at = py_dict_find_word(counter, key);
  return at >= 0 ? py_dict_value_word(counter, at) : 0;
}

/* Sets result[key] = count (borrowed), a new entry after those already there. */
static void put_count(py_dict *result, int64_t key, py_int count) {
  int64_t position = py_dict_insert_word(result, key);
  if (position >= 0) py_dict_set_value_word(result, position, count);
}

static bool is_positive(py_int count) { return py_int_compare(count, 0) > 0; }

/* An empty Counter of the same keys. */
static py_dict *py_counter_new_like(const py_dict *counter) {
  return py_dict_new_flavored(counter->key_kind, 'i', 'c', 0, 0);
}

py_dict *py_counter_combine(py_dict *a, py_dict *b, int64_t op) {
  py_dict *result = py_counter_new_like(a);
  for (int64_t at = py_dict_next(a, 0); at >= 0 && !rt_error_pending; at = py_dict_next(a, at + 1)) {
    int64_t key = py_dict_key_word(a, at);
    py_int count = py_dict_value_word(a, at);
    py_int other = count_of(b, key);
    if (rt_error_pending) break;
    py_int combined;
    switch (op) {
      case '+':
        combined = py_int_add(count, other);
        break;
      case '-':
        combined = py_int_sub(count, other);
        break;
      case '|':
        combined = py_int_compare(count, other) < 0 ? other : count;
        py_int_retain(combined);
        break;
      default: /* '&' */
        combined = py_int_compare(count, other) < 0 ? count : other;
        py_int_retain(combined);
        break;
    }
    if (is_positive(combined)) put_count(result, key, combined);
    py_int_release(combined);
  }
  /* What only b counts: kept when positive, and for `-` a negative count becomes its opposite. */
  if (op != '&') {
    for (int64_t at = py_dict_next(b, 0); at >= 0 && !rt_error_pending; at = py_dict_next(b, at + 1)) {
      int64_t key = py_dict_key_word(b, at);
      if (py_dict_find_word(a, key) >= 0 || rt_error_pending) continue;
      py_int count = py_dict_value_word(b, at);
      if (op == '-') {
        if (py_int_compare(count, 0) < 0) {
          py_int opposite = py_int_neg(count);
          put_count(result, key, opposite);
          py_int_release(opposite);
        }
      } else if (is_positive(count)) {
        put_count(result, key, count);
      }
    }
  }
  return result;
}

void py_counter_subtract(py_dict *counter, py_dict *counts) {
  for (int64_t at = py_dict_next(counts, 0); at >= 0; at = py_dict_next(counts, at + 1)) {
    int64_t position = py_dict_insert_word(counter, py_dict_key_word(counts, at));
    if (position < 0) return;
    py_int difference = py_int_sub(py_dict_value_word(counter, position), py_dict_value_word(counts, at));
    py_dict_set_value_word(counter, position, difference);
    py_int_release(difference);
  }
}

py_int py_counter_total(py_dict *counter) {
  py_int total = 0;
  for (int64_t at = py_dict_next(counter, 0); at >= 0; at = py_dict_next(counter, at + 1)) {
    py_int sum = py_int_add(total, py_dict_value_word(counter, at));
    py_int_release(total);
    total = sum;
  }
  return total;
}

py_list *py_counter_elements(py_dict *counter) {
  py_list *result = py_list_new(counter->key_kind, 0);
  for (int64_t at = py_dict_next(counter, 0); at >= 0; at = py_dict_next(counter, at + 1)) {
    int64_t times;
    if (!py_int_get_i64(py_dict_value_word(counter, at), &times)) times = 0;
    for (int64_t i = 0; i < times; i++) py_list_append_word(result, py_dict_key_word(counter, at));
  }
  return result;
}

void py_counter_assign(py_dict *target, py_dict *source) {
  if (target == source) return;
  py_dict_clear(target);
  for (int64_t at = py_dict_next(source, 0); at >= 0; at = py_dict_next(source, at + 1)) {
    put_count(target, py_dict_key_word(source, at), py_dict_value_word(source, at));
  }
}
