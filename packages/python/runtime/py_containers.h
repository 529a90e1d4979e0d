/*
 * Python's containers: list, tuple, dict, set and collections.deque objects, and the generic
 * operations on the values they hold (repr, equality, ordering, hashing).
 *
 * A value is held as a word whose meaning its static type gives, and a container records how its
 * words are to be read by one character, its kind:
 *   'i'  int    an int64_t
 *   'f'  float  a double
 *   'b'  bool   0 or 1
 *   'n'  None   always 0
 *   'o'  object a counted reference to a managed object (str, list, tuple, dict, set), never NULL;
 *              the object's layout says what it is, so nested containers need no more description.
 *   'a'  any    a value whose type is decided at run time (a `list[int | str]`'s element): a tagged
 *              word, an int's own word or a reference to an object that says what it is, a float
 *              boxed, a bool and None immortal objects (py_any.c).
 * The compiler picks the kind from the static element type (packages/python/src/lowering/
 * containers.ts), so a list[int] stores unboxed int64_t values and a list[str] references.
 *
 * Lists keep their elements in an rt_array (array.h): 8 bytes each, except bool and None (1 byte).
 * Emitted code reads `items.data` and `items.length` directly (the layout in
 * packages/python/src/python-layouts.ts mirrors the structure below) and indexes the data with a
 * bounds check of its own; everything that changes a list's length goes through these functions.
 *
 * Tuples are fixed at creation: a length, a pointer to their own inline words (so emitted code reads
 * tuple and list elements alike), and the kinds of their elements as an immortal string of
 * `length` characters. Every tuple slot is 8 bytes (a bool is a 0 or 1 word).
 *
 * Arguments are borrowed; results are new references. Operations that fail raise CPython's error
 * with its message and return a dummy value.
 */
#ifndef TOOLCHAIN_PY_CONTAINERS_H
#define TOOLCHAIN_PY_CONTAINERS_H

#include "runtime.h"

typedef struct py_list {
  rt_object header;
  rt_array items;
  int64_t kind; /* the kind character of every element */
} py_list;

typedef struct py_tuple {
  rt_object header;
  int64_t length;
  int64_t *items;     /* = words */
  const rt_str *kinds; /* immortal: one kind character per element */
  int64_t words[];
} py_tuple;

typedef struct py_dict {
  rt_object header;
  rt_hash_table table; /* keys and values are 8-byte words */
  int64_t key_kind;
  int64_t value_kind;
  /* 0 for a dict; 'd' for a collections.defaultdict, whose `factory` makes a missing key's value
     ('i' int 0, 'f' float 0.0, 's' str "", 'l' an empty list and 'S' an empty set of elements of
     `factory_kind`); 'c' for a collections.Counter (a missing key counts 0). */
  int64_t flavor;
  int64_t factory;
  int64_t factory_kind;
} py_dict;

/* collections.deque: a ring buffer of words (8 bytes for every kind), so both ends push and pop in
   O(1). The element at position i is items[(head + i) & (capacity - 1)]; capacity is 0 (items NULL)
   or a power of two. */
typedef struct py_deque {
  rt_object header;
  int64_t *items;
  int64_t capacity;
  int64_t head;
  int64_t length;
  int64_t kind;   /* the kind character of every element */
  int64_t maxlen; /* -1: unbounded */
  int64_t state;  /* counts the changes an iteration over it must notice (CPython's) */
} py_deque;

/* Type ids of the runtime's layouts (the core's take 1 to 7; a module's own start at 32). */
enum {
  PY_LIST_TYPE_ID = 8,
  PY_TUPLE_TYPE_ID = 9,
  PY_DICT_TYPE_ID = 10,
  PY_SET_TYPE_ID = 11,
  PY_DEQUE_TYPE_ID = 12,
  PY_INDEX_WALK_TYPE_ID = 13,
  PY_ACYCLIC_TUPLE_TYPE_ID = 14,
  PY_FLOAT_TYPE_ID = 15,
  PY_BOOL_TYPE_ID = 16,
  PY_BYTES_TYPE_ID = 17,
  PY_ITERATOR_TYPE_ID = 18
};

extern const rt_layout py_list_layout;
extern const rt_layout py_tuple_layout;
/* A tuple that cannot be part of a reference cycle (py_tuple.c), which the collector need not track. */
extern const rt_layout py_acyclic_tuple_layout;
extern const rt_layout py_dict_layout;

static inline bool py_is_tuple_layout(const rt_layout *layout) {
  return layout == &py_tuple_layout || layout == &py_acyclic_tuple_layout;
}

/* The layout that stands for the object's Python class: both tuple layouts are tuple's. */
static inline const rt_layout *py_class_of(const rt_object *object) {
  return object->layout == &py_acyclic_tuple_layout ? &py_tuple_layout : object->layout;
}
extern const rt_layout py_deque_layout;

/* ---- words of any kind (py_object.c) -------------------------------------------------------- */

/* Takes or drops a reference the word holds (only 'o' words hold one). */
void py_word_retain(int64_t word, int64_t kind);
void py_word_release(int64_t word, int64_t kind);
/* The kind a word really has: None in a slot of kind 'i' (an `int | None`, rt_absent's word) or 'o' (an
   object's `T | None`, NULL) is None. */
static inline int64_t py_word_kind(int64_t word, int64_t kind) {
  return (kind == 'i' && word == RT_ABSENT_WORD) || (kind == 'o' && word == 0) ? 'n' : kind;
}
/* ---- values of any type, kind 'a' (py_any.c) --------------------------------------------------- */

/* The word and kind a value of kind 'a' has as its own type's ('i', 'f', 'b', 'n' or 'o'), borrowed. */
int64_t py_any_unpack(int64_t word, int64_t *kind);
/* A word of any kind as its own type's word and kind: an 'a' unpacked, a None in an int's or object's
   slot made 'n'. */
static inline void py_word_unpack(int64_t *word, int64_t *kind) {
  if (*kind == 'a') *word = py_any_unpack(*word, kind);
  else *kind = py_word_kind(*word, *kind);
}
/* Whether words of the kind hold references the collector must see. */
static inline bool py_kind_holds_objects(int64_t kind) { return kind == 'o' || kind == 'a'; }
/* Whether words of the kind are counted (objects, and ints that may be big). */
static inline bool py_kind_counted(int64_t kind) { return kind == 'o' || kind == 'i' || kind == 'a'; }
/* The object a word of the kind references, for a traverse function; NULL for none. */
static inline rt_object *py_word_object(int64_t word, int64_t kind) {
  if (kind == 'o') return (rt_object *)(intptr_t)word;
  return kind == 'a' && (word & 1) ? (rt_object *)(intptr_t)(word - 1) : NULL;
}
/* The name of the value's class as CPython's messages print it ('int', 'NoneType', 'list'). */
const char *py_word_type_name(int64_t word, int64_t kind);

/* Python's repr of the value, appended to b (the repr of a container's element). */
void py_word_repr(rt_buf *b, int64_t word, int64_t kind);
/* a == b for two values of the same kind. */
bool py_word_eq(int64_t a, int64_t b, int64_t kind);
/* Python's ordering of two values of the same kind: < 0, 0 or > 0; raises TypeError for values
   that have none (dicts, sets compared by <) and returns 0. */
int64_t py_word_compare(int64_t a, int64_t b, int64_t kind);
/* hash(value) as CPython computes it; raises TypeError "unhashable type: 'list'" for lists, dicts
   and sets (and returns -1 then). */
int64_t py_word_hash(int64_t word, int64_t kind);
/* The order of two values of any kinds, unpacked: -1, 0 or 1, 2 when a NaN makes them unordered.
   Numbers of different kinds compare by value; other values of different kinds raise CPython's
   TypeError naming the operator `op` ("'<' not supported between instances of 'str' and 'int'"). */
int64_t py_word_order(int64_t x, int64_t x_kind, int64_t y, int64_t y_kind, const char *op);

/* Objects of any layout, for emitted code: repr, str, print, ==, ordering, hash. */
rt_str *py_object_repr(rt_object *object);
rt_str *py_object_str(rt_object *object);
void py_write_object(rt_object *object);
bool py_object_eq(rt_object *a, rt_object *b);
int64_t py_object_compare(rt_object *a, rt_object *b);
int64_t py_object_hash(rt_object *object);
/* The Python type name of an object ('list', 'tuple', 'dict', 'set', 'str'), for messages. */
const char *py_object_type_name(const rt_object *object);

/* ---- values of kind 'a' for emitted code (py_any.c) ------------------------------------------- */

/* A value of kind 'a' as emitted code holds it: a tagged word, as an int's (py_int) is. */
typedef int64_t py_any;

py_any py_any_from_float(double x);
py_any py_any_from_bool(bool b);
py_any py_any_from_object(rt_object *object);
double py_any_float(py_any word);
bool py_any_bool(py_any word);
rt_object *py_any_object(py_any word);
/* What the value is, by one character: 'i' int, 'f' float, 'b' bool, 'n' None, 's' str, 'l' list,
   't' tuple, 'd' dict (of any flavor), 'S' set, 'F' frozenset, 'D' deque (isinstance tests it). */
int64_t py_any_class(py_any word);
bool py_any_truth(py_any word);
/* type(x).__name__: 'int', 'NoneType', 'list', 'deque', a namedtuple's class name. */
rt_str *py_any_class_name(py_any word);
/* len(x); TypeError "object of type 'int' has no len()" for a value that has none. */
int64_t py_any_len(py_any word);
rt_str *py_any_repr(py_any word);
rt_str *py_any_str(py_any word);
void py_write_any(py_any word);
bool py_any_eq(py_any a, py_any b);
int64_t py_any_hash(py_any word);
bool py_any_order(py_any a, py_any b, int64_t op);
/* The elements iterating over the value gives (a str's characters, a dict's keys), as a new list of
   `kind` (its elements converted: a tuple of mixed types gives a list of kind 'a'); TypeError
   "'int' object is not iterable". */
py_list *py_object_as_list(rt_object *object, int64_t kind);
py_list *py_any_as_list(py_any word, int64_t kind);
/* container[key] of a container and a key of any types, as a value of any type: CPython's
   IndexError, KeyError and TypeError for those that fail. */
py_any py_any_getitem(py_any container, py_any key);
/* container[start:stop:step] of a str or a list, as a value of any type. */
py_any py_any_slice(py_any container, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step);

/* ---- iterators kept as values (py_iterator.c) --------------------------------------------------- */

typedef struct py_iterator {
  rt_object header;
  py_list *list;    /* NULL once dropped */
  int64_t position; /* of the next element */
} py_iterator;

extern const rt_layout py_iterator_layout;

/* An iterator over the list's elements from the first. */
py_iterator *py_iter_new(py_list *list);

/* ---- bytes (py_bytes.c) ---------------------------------------------------------------------- */

typedef struct py_bytes {
  rt_object header;
  int64_t size;
  char data[]; /* size bytes, then a NUL */
} py_bytes;

extern const rt_layout py_bytes_layout;

/* A bytes literal, from the str whose code points (all below 256) are its bytes. */
py_bytes *py_bytes_from_latin1(rt_str *text);
/* bytes(list of ints): ValueError "bytes must be in range(0, 256)". */
py_bytes *py_bytes_from_list(py_list *list);
/* bytes(n): n zero bytes; ValueError "negative count". */
py_bytes *py_bytes_zeros(int64_t count);
int64_t py_bytes_length(py_bytes *b);
/* b[i] as an int; IndexError "index out of range". */
int64_t py_bytes_getitem(py_bytes *b, int64_t index);
py_bytes *py_bytes_slice(py_bytes *b, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step);
py_bytes *py_bytes_concat(py_bytes *a, py_bytes *b);
py_bytes *py_bytes_repeat(py_bytes *b, int64_t n);
bool py_bytes_contains(py_bytes *b, py_bytes *sub);
/* An int in bytes; ValueError "byte must be in range(0, 256)". */
bool py_bytes_contains_int(py_bytes *b, int64_t byte);
bool py_bytes_eq(py_bytes *a, py_bytes *b);
int64_t py_bytes_compare(py_bytes *a, py_bytes *b);
int64_t py_bytes_hash(py_bytes *b);
void py_bytes_repr_into(rt_buf *out, const py_bytes *b);
rt_str *py_bytes_repr(py_bytes *b);
rt_str *py_bytes_hex(py_bytes *b);
/* sep.join(parts) of a list of bytes. */
py_bytes *py_bytes_join(py_bytes *sep, py_list *parts);
/* b.decode(encoding, errors) and s.encode(encoding, errors) for UTF-8, ASCII and Latin-1 with the
   strict, ignore and replace handlers: CPython's UnicodeDecodeError, UnicodeEncodeError and
   LookupError. */
rt_str *py_bytes_decode(py_bytes *b, rt_str *encoding, rt_str *errors);
py_bytes *py_str_encode(rt_str *text, rt_str *encoding, rt_str *errors);

/* ---- lists (py_list.c) ---------------------------------------------------------------------- */

py_list *py_list_new(int64_t kind, int64_t capacity);
/* Element `index` as a word (0 <= index < length), and the slot written (no counting: the caller
   moves references). */
int64_t py_list_word(const py_list *list, int64_t index);
/* The end of the run of elements from `start` (< length) equal to the one there (itertools.groupby). */
int64_t py_list_run_end(py_list *list, int64_t start);
void py_list_put_word(py_list *list, int64_t index, int64_t word);
/* PySlice_AdjustIndices: clamps start and stop (given or not) to a sequence of `length` and returns
   how many elements the slice has. */
int64_t py_slice_adjust(int64_t length, int64_t *start, bool has_start, int64_t *stop, bool has_stop, int64_t step);
void py_list_append_word(py_list *list, int64_t word);
void py_list_append_obj(py_list *list, rt_object *object);
/* list.pop(index): IndexError "pop from empty list" / "pop index out of range". Owned result. */
int64_t py_list_pop_word(py_list *list, int64_t index);
rt_object *py_list_pop_obj(py_list *list, int64_t index);
/* list.insert(index, x), the index clamped as Python clamps it. */
void py_list_insert_word(py_list *list, int64_t index, int64_t word);
void py_list_insert_obj(py_list *list, int64_t index, rt_object *object);
/* x in list, list.index(x) (ValueError "x is not in list" with x's repr), list.count(x),
   list.remove(x) (ValueError "list.remove(x): x not in list"). */
bool py_list_contains_word(py_list *list, int64_t word);
bool py_list_contains_obj(py_list *list, rt_object *object);
int64_t py_list_index_word(py_list *list, int64_t word);
int64_t py_list_index_obj(py_list *list, rt_object *object);
int64_t py_list_count_word(py_list *list, int64_t word);
int64_t py_list_count_obj(py_list *list, rt_object *object);
void py_list_remove_word(py_list *list, int64_t word);
void py_list_remove_obj(py_list *list, rt_object *object);
void py_list_extend(py_list *list, py_list *other);
py_list *py_list_concat(py_list *a, py_list *b);
/* a + b as a list of `kind` (py_any.c): lists of different element kinds, their words converted. */
py_list *py_list_concat_as(py_list *a, py_list *b, int64_t kind);
/* list * n (empty for n <= 0); MemoryError when too large. */
py_list *py_list_repeat(py_list *list, int64_t n);
/* list[start:stop:step] with Python's slice rules; has_start/has_stop false for an omitted bound;
   ValueError "slice step cannot be zero". */
py_list *py_list_slice(py_list *list, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step);
/* del list[index] (IndexError "list assignment index out of range"). */
void py_list_delete(py_list *list, int64_t index);
/* list[slice] = other (ValueError for an extended slice of another size); del list[slice]. */
void py_list_assign_slice(py_list *list, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step,
                          py_list *other);
void py_list_delete_slice(py_list *list, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step);
/* sys.argv as a new list of str. */
py_list *py_argv_list(void);
void py_list_reverse(py_list *list);
/* list.sort(reverse=...): stable; TypeError when elements have no ordering. */
void py_list_sort(py_list *list, bool reverse);
/* list.sort(key=...): sorts `list` by the parallel list of keys (same length), stable; both are
   permuted together. */
void py_list_sort_by_keys(py_list *list, py_list *keys, bool reverse);
py_list *py_list_copy(py_list *list);
void py_list_clear(py_list *list);

/* ---- heapq and bisect on lists (py_heap_bisect.c) ------------------------------------------- */

void py_heappush_word(py_list *heap, int64_t item);
void py_heappush_obj(py_list *heap, rt_object *item);
int64_t py_heappop_word(py_list *heap);
rt_object *py_heappop_obj(py_list *heap);
void py_heapify(py_list *heap);
int64_t py_bisect_left_word(py_list *list, int64_t item);
int64_t py_bisect_left_obj(py_list *list, rt_object *item);
int64_t py_bisect_right_word(py_list *list, int64_t item);
int64_t py_bisect_right_obj(py_list *list, rt_object *item);

/* ---- tuples (py_tuple.c) -------------------------------------------------------------------- */

/* A tuple of one element per kind character, all zero words, for emitted code to fill (elem_set
   fresh). A named tuple's (collections.namedtuple) kinds go on past a NUL with its class's name and
   field names, each ended by a NUL, for its repr: "ii\0Point\0x\0y". */
py_tuple *py_tuple_new(const rt_str *kinds);
/* The same, for elements that cannot lead back to the tuple (no list, dict, set or deque among them
   at any depth; the compiler knows from their static types): the collector does not track it. */
py_tuple *py_tuple_new_acyclic(const rt_str *kinds);

/* ---- dicts (py_dict.c) ---------------------------------------------------------------------- */

py_dict *py_dict_new(int64_t key_kind, int64_t value_kind);
/* The position of key's entry, or -1 (may raise for an unhashable key: then -1 too). */
int64_t py_dict_find_word(py_dict *dict, int64_t key);
int64_t py_dict_find_obj(py_dict *dict, rt_object *key);
/* The position of key's entry, inserted with a zero value (and the key retained) when absent. */
int64_t py_dict_insert_word(py_dict *dict, int64_t key);
int64_t py_dict_insert_obj(py_dict *dict, rt_object *key);
/* The value at a position from find/insert (borrowed). */
int64_t py_dict_value_word(py_dict *dict, int64_t position);
rt_object *py_dict_value_obj(py_dict *dict, int64_t position);
/* Replaces the value at a position (releasing the old one unless the entry is new: a zero word). */
void py_dict_set_value_word(py_dict *dict, int64_t position, int64_t value);
void py_dict_set_value_obj(py_dict *dict, int64_t position, rt_object *value);
/* Raises KeyError with repr(key). */
void py_dict_key_error_word(py_dict *dict, int64_t key);
void py_dict_key_error_obj(py_dict *dict, rt_object *key);
/* del d[key] / d.pop(key) without default: KeyError when absent. */
void py_dict_delete_word(py_dict *dict, int64_t key);
void py_dict_delete_obj(py_dict *dict, rt_object *key);
int64_t py_dict_length(py_dict *dict);
/* Iteration: the next live position at or after `position`, or -1. */
int64_t py_dict_next(py_dict *dict, int64_t position);
int64_t py_dict_key_word(py_dict *dict, int64_t position);
rt_object *py_dict_key_obj(py_dict *dict, int64_t position);
/* The position of key's entry, inserted (with a zero value) when absent: then as -position - 1. */
int64_t py_dict_insert_new_word(py_dict *dict, int64_t key);
int64_t py_dict_insert_new_obj(py_dict *dict, rt_object *key);
/* Deletes the live entry at a position, releasing its key and value. */
void py_dict_delete_at(py_dict *dict, int64_t position);
/* The last live entry's position (popitem); KeyError when the dict is empty. */
int64_t py_dict_last(py_dict *dict);
/* d.update(other) for a dict of the same kinds. */
void py_dict_update(py_dict *dict, py_dict *other);
/* A defaultdict (flavor 'd', with its factory and the factory's element kind) or a Counter ('c'). */
py_dict *py_dict_new_flavored(int64_t key_kind, int64_t value_kind, int64_t flavor, int64_t factory,
                              int64_t factory_kind);
/* A defaultdict's d[key] for a missing key: the key inserted with its factory's value; its position. */
int64_t py_dict_insert_default_word(py_dict *dict, int64_t key);
int64_t py_dict_insert_default_obj(py_dict *dict, rt_object *key);
/* Counter(iterable)'s and Counter.update's step: the key's count plus one. */
void py_counter_add_word(py_dict *dict, int64_t key);
void py_counter_add_obj(py_dict *dict, rt_object *key);
/* Counter(mapping) and Counter.update(mapping): the mapping's int values added to the counts. */
void py_counter_add_counts(py_dict *counter, py_dict *counts);
/* Counter.most_common(n): (key, count) tuples, most common first, ties in insertion order; n < 0
   for all. */
py_list *py_counter_most_common(py_dict *dict, int64_t n);
/* Counter arithmetic as CPython's: a + b, a - b, a | b (the larger count), a & b (the smaller), by
   op '+', '-', '|', '&'; a new Counter keeping positive counts only. */
py_dict *py_counter_combine(py_dict *a, py_dict *b, int64_t op);
/* counter.subtract(counts): every count of `counts` taken off, zero and negative counts kept. */
void py_counter_subtract(py_dict *counter, py_dict *counts);
/* counter.elements(), as a list: each key repeated by its count, in the Counter's order. */
py_list *py_counter_elements(py_dict *counter);
/* target's entries made source's, in place (an augmented assignment keeps the object). */
void py_counter_assign(py_dict *target, py_dict *source);
/* The positions of a Counter's entries in the order it prints them (most common first), malloc'd. */
int64_t *py_counter_print_order(py_dict *dict, int64_t *count);
/* d1 == d2: the same keys with equal values, in any order. */
bool py_dict_eq(py_dict *a, py_dict *b);
py_dict *py_dict_copy(py_dict *dict);
void py_dict_clear(py_dict *dict);

/* ---- collections.deque (py_deque.c) -------------------------------------------------------- */

/* An empty deque of a kind; bounded to maxlen elements when `bounded` (ValueError "maxlen must be
   non-negative"). */
py_deque *py_deque_new(int64_t kind, bool bounded, int64_t maxlen);
/* Element `position` as a word (0 <= position < length). */
int64_t py_deque_word(const py_deque *deque, int64_t position);
/* append and appendleft: a full bounded deque drops an element from the other end. */
void py_deque_append_word(py_deque *deque, int64_t word);
void py_deque_append_obj(py_deque *deque, rt_object *object);
void py_deque_appendleft_word(py_deque *deque, int64_t word);
void py_deque_appendleft_obj(py_deque *deque, rt_object *object);
/* pop and popleft: owned; IndexError "pop from an empty deque". */
int64_t py_deque_pop_word(py_deque *deque);
rt_object *py_deque_pop_obj(py_deque *deque);
int64_t py_deque_popleft_word(py_deque *deque);
rt_object *py_deque_popleft_obj(py_deque *deque);
/* extend and extendleft of a deque of the same kind (which may be the deque itself). */
void py_deque_extend_deque(py_deque *deque, py_deque *other);
void py_deque_extendleft_deque(py_deque *deque, py_deque *other);
void py_deque_clear(py_deque *deque);
int64_t py_deque_length(py_deque *deque);
bool py_deque_contains_word(py_deque *deque, int64_t word);
bool py_deque_contains_obj(py_deque *deque, rt_object *object);
/* d[index], negative from the end, borrowed; IndexError "deque index out of range". */
int64_t py_deque_get_word(py_deque *deque, int64_t index);
rt_object *py_deque_get_obj(py_deque *deque, int64_t index);
/* Element `position` (0 <= position < length, not checked), borrowed: what iteration reads. */
int64_t py_deque_item_word(py_deque *deque, int64_t position);
rt_object *py_deque_item_obj(py_deque *deque, int64_t position);
/* d[index] = x; IndexError "deque index out of range". */
void py_deque_set_word(py_deque *deque, int64_t index, int64_t word);
void py_deque_set_obj(py_deque *deque, int64_t index, rt_object *object);
/* d.rotate(n): n steps to the right (left for n < 0). */
void py_deque_rotate(py_deque *deque, int64_t n);
/* Iteration: the state when it starts, checked before each element (RuntimeError "deque mutated
   during iteration"). */
int64_t py_deque_state(py_deque *deque);
void py_deque_check_state(py_deque *deque, int64_t state);

/* ---- sets and frozensets (py_set.c) ---------------------------------------------------------- */

/*
 * CPython 3.11's set table (Objects/setobject.c), slot for slot, because a set's iteration order,
 * which print() shows, is its table's order: entries addressed by hash with LINEAR_PROBES (9)
 * neighbours tried before each perturbed jump, deleted entries left as dummies, the same growth
 * and shrinking, and every operation filling its result in CPython's order. A key is a word of the
 * set's kind (as a list's element); an entry is free when its hash is -1 (no key hashes to -1):
 * empty with key -1, a dummy with key 0.
 */
typedef struct py_set_entry {
  int64_t key;
  int64_t hash;
} py_set_entry;

#define PY_SET_MIN_SIZE 8

typedef struct py_set {
  rt_object header;
  int64_t kind;   /* the kind character of every element */
  int64_t frozen; /* 1 for a frozenset */
  int64_t fill;   /* live and dummy entries */
  int64_t used;   /* live entries: len(set) */
  int64_t mask;   /* slots - 1 */
  int64_t finger; /* where pop() looks first */
  int64_t hash;   /* a frozenset's hash once computed, else -1 */
  py_set_entry *table; /* `small` or a malloc'd block */
  py_set_entry small[PY_SET_MIN_SIZE];
} py_set;

extern const rt_layout py_set_layout;

/* An empty set (frozen false) or frozenset (frozen true) of elements of `kind`. */
py_set *py_set_new(int64_t kind, bool frozen);
/* set.add(x): the key retained when it is new. */
void py_set_add_word(py_set *set, int64_t key);
void py_set_add_obj(py_set *set, rt_object *key);
/* x in set. A key that is itself a set is looked up as the frozenset of its elements, as CPython
   does. Unhashable keys raise TypeError (false then). */
bool py_set_contains_word(py_set *set, int64_t key);
bool py_set_contains_obj(py_set *set, rt_object *key);
/* set.discard(x): whether it was there. */
bool py_set_discard_word(py_set *set, int64_t key);
bool py_set_discard_obj(py_set *set, rt_object *key);
/* set.remove(x): KeyError with repr(x) when absent. */
void py_set_remove_word(py_set *set, int64_t key);
void py_set_remove_obj(py_set *set, rt_object *key);
/* set.pop(): an owned element; KeyError "'pop from an empty set'" (quoted: a KeyError's message is
   the repr of its argument, as CPython prints it). */
int64_t py_set_pop_word(py_set *set);
rt_object *py_set_pop_obj(py_set *set);
int64_t py_set_length(py_set *set);
/* Iteration in table order: the first live slot at or after `position`, or -1; its key borrowed. */
int64_t py_set_next(py_set *set, int64_t position);
int64_t py_set_key_word(py_set *set, int64_t position);
rt_object *py_set_key_obj(py_set *set, int64_t position);
/* a | b, a & b, a - b, a ^ b (and the methods of one argument): a new set of a's type (set or
   frozenset). */
py_set *py_set_union(py_set *a, py_set *b);
py_set *py_set_intersection(py_set *a, py_set *b);
py_set *py_set_difference(py_set *a, py_set *b);
py_set *py_set_symmetric_difference(py_set *a, py_set *b);
/* set.update, intersection_update, difference_update, symmetric_difference_update (sets only). */
void py_set_update(py_set *set, py_set *other);
void py_set_intersection_update(py_set *set, py_set *other);
void py_set_difference_update(py_set *set, py_set *other);
void py_set_symmetric_difference_update(py_set *set, py_set *other);
/* a |= b, a &= b, a -= b, a ^= b: what the name is bound to afterwards (a new reference): a itself,
   updated, for a set; a new frozenset for a frozenset, which has no in-place operators. */
py_set *py_set_inplace_or(py_set *a, py_set *b);
py_set *py_set_inplace_and(py_set *a, py_set *b);
py_set *py_set_inplace_sub(py_set *a, py_set *b);
py_set *py_set_inplace_xor(py_set *a, py_set *b);
/* a <= b, a >= b, a.isdisjoint(b), a == b (a set equals the frozenset of the same elements). */
bool py_set_issubset(py_set *a, py_set *b);
bool py_set_issuperset(py_set *a, py_set *b);
bool py_set_isdisjoint(py_set *a, py_set *b);
bool py_set_eq(py_set *a, py_set *b);
/* set.copy() (a new set); frozenset.copy() is the frozenset itself. */
py_set *py_set_copy(py_set *set);
void py_set_clear(py_set *set);
/* hash(frozenset) (cached); TypeError "unhashable type: 'set'" for a set (-1 then). */
int64_t py_set_hash(py_set *set);

#endif
