/*
 * What any value held in a container does, by its kind character (py_containers.h): counting, repr,
 * equality, ordering and hashing. Objects are told apart by their layout, so a list of tuples of
 * strings needs no description beyond the 'o' of its elements.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_containers.h"
#include "py_hash.h"
#include "py_runtime.h"

static double word_to_f64(int64_t word) {
  double x;
  memcpy(&x, &word, sizeof x);
  return x;
}

/* An 'a' word is tagged as an int's is: its low bit says whether it holds a reference. */
void py_word_retain(int64_t word, int64_t kind) {
  if (kind == 'o') rt_retain((rt_object *)(intptr_t)word);
  else if (kind == 'i' || kind == 'a') py_int_retain(word);
}

void py_word_release(int64_t word, int64_t kind) {
  if (kind == 'o') rt_release((rt_object *)(intptr_t)word);
  else if (kind == 'i' || kind == 'a') py_int_release(word);
}

/* A named tuple's class name, after its kinds and a NUL (py_tuple_new); NULL for a plain tuple. */
static const char *named_tuple_class(const py_tuple *tuple) {
  return tuple->kinds->size > tuple->length ? tuple->kinds->data + tuple->length + 1 : NULL;
}

const char *py_object_type_name(const rt_object *object) {
  if (object->layout == &rt_str_layout) return "str";
  if (object->layout == &py_list_layout) return "list";
  if (py_is_tuple_layout(object->layout)) {
    const char *name = named_tuple_class((const py_tuple *)object);
    return name != NULL ? name : "tuple";
  }
  if (object->layout == &py_dict_layout) return "dict";
  if (object->layout == &py_set_layout) return ((const py_set *)object)->frozen ? "frozenset" : "set";
  if (object->layout == &py_deque_layout) return "collections.deque";
  return object->layout->name;
}

const char *py_word_type_name(int64_t word, int64_t kind) {
  py_word_unpack(&word, &kind);
  switch (kind) {
    case 'i':
      return "int";
    case 'f':
      return "float";
    case 'b':
      return "bool";
    case 'n':
      return "NoneType";
    default:
      return py_object_type_name((const rt_object *)(intptr_t)word);
  }
}

/* ---- repr ------------------------------------------------------------------------------------- */

static void object_repr(rt_buf *b, rt_object *object);

void py_word_repr(rt_buf *b, int64_t word, int64_t kind) {
  if (kind == 'a') word = py_any_unpack(word, &kind);
  switch (kind) {
    case 'i': {
      if (py_int_is_small(word)) {
        char digits[24];
        int n = snprintf(digits, sizeof digits, "%lld", (long long)(word >> 1));
        rt_buf_put(b, digits, (size_t)n);
        return;
      }
      rt_str *text = py_int_to_str(word);
      if (text == NULL) return;
      rt_buf_put(b, text->data, (size_t)text->size);
      rt_release(&text->header);
      return;
    }
    case 'f': {
      char text[32];
      int n = py_float_repr(word_to_f64(word), text);
      rt_buf_put(b, text, (size_t)n);
      return;
    }
    case 'b':
      rt_buf_puts(b, word ? "True" : "False");
      return;
    case 'n':
      rt_buf_puts(b, "None");
      return;
    default:
      /* An object word is NULL where its static type is `T | None` and it holds None. */
      if (word == 0) rt_buf_puts(b, "None");
      else object_repr(b, (rt_object *)(intptr_t)word);
  }
}

/*
 * A container that contains itself prints as `[...]` (CPython's Py_ReprEnter): the objects whose
 * repr is being made, innermost last. Deep nesting is rare; 64 levels are tracked, deeper ones are
 * not checked (they cannot be cycles of a program that got that deep without one... they can, but
 * then the repr recurses until the tracked ones repeat).
 */
static rt_object *repr_stack[64];
static int repr_depth;

static bool repr_enter(rt_buf *b, rt_object *object, const char *cycle_text) {
  for (int i = 0; i < repr_depth && i < 64; i++) {
    if (repr_stack[i] == object) {
      rt_buf_puts(b, cycle_text);
      return false;
    }
  }
  if (repr_depth < 64) repr_stack[repr_depth] = object;
  repr_depth++;
  return true;
}

static void repr_leave(void) { repr_depth--; }

static void list_repr(rt_buf *b, py_list *list) {
  if (!repr_enter(b, &list->header, "[...]")) return;
  rt_buf_putc(b, '[');
  for (int64_t i = 0; i < list->items.length; i++) {
    if (i > 0) rt_buf_puts(b, ", ");
    py_word_repr(b, py_list_word(list, i), list->kind);
  }
  rt_buf_putc(b, ']');
  repr_leave();
}

static void tuple_repr(rt_buf *b, py_tuple *tuple) {
  const char *name = named_tuple_class(tuple);
  /* Point(x=1, y=2): the field names follow the class name, each after the previous one's NUL. */
  const char *field = name == NULL ? NULL : name + strlen(name) + 1;
  if (name != NULL) rt_buf_puts(b, name);
  rt_buf_putc(b, '(');
  for (int64_t i = 0; i < tuple->length; i++) {
    if (i > 0) rt_buf_puts(b, ", ");
    if (field != NULL) {
      rt_buf_puts(b, field);
      rt_buf_putc(b, '=');
      field += strlen(field) + 1;
    }
    py_word_repr(b, tuple->words[i], tuple->kinds->data[i]);
  }
  if (tuple->length == 1 && name == NULL) rt_buf_putc(b, ',');
  rt_buf_putc(b, ')');
}

static void dict_entry_repr(rt_buf *b, py_dict *dict, int64_t at) {
  py_word_repr(b, *(int64_t *)rt_hash_table_key_at(&dict->table, at), dict->key_kind);
  rt_buf_puts(b, ": ");
  py_word_repr(b, *(int64_t *)rt_hash_table_value_at(&dict->table, at), dict->value_kind);
}

/* The class a defaultdict's factory is, as its repr names it. */
static const char *factory_name(int64_t factory) {
  switch (factory) {
    case 'i':
      return "<class 'int'>";
    case 'f':
      return "<class 'float'>";
    case 's':
      return "<class 'str'>";
    case 'l':
      return "<class 'list'>";
    default:
      return "<class 'set'>";
  }
}

static void dict_repr(rt_buf *b, py_dict *dict) {
  if (!repr_enter(b, &dict->header, "{...}")) return;
  if (dict->flavor == 'c') {
    /* Counter({'a': 3, 'b': 1}), most common first; Counter() when empty. */
    int64_t count;
    int64_t *order = py_counter_print_order(dict, &count);
    rt_buf_puts(b, count == 0 ? "Counter(" : "Counter({");
    for (int64_t i = 0; i < count; i++) {
      if (i > 0) rt_buf_puts(b, ", ");
      dict_entry_repr(b, dict, order[i]);
    }
    rt_buf_puts(b, count == 0 ? ")" : "})");
    free(order);
    repr_leave();
    return;
  }
  if (dict->flavor == 'd') {
    rt_buf_puts(b, "defaultdict(");
    rt_buf_puts(b, factory_name(dict->factory));
    rt_buf_puts(b, ", ");
  }
  rt_buf_putc(b, '{');
  bool first = true;
  for (int64_t at = py_dict_next(dict, 0); at >= 0; at = py_dict_next(dict, at + 1)) {
    if (!first) rt_buf_puts(b, ", ");
    first = false;
    dict_entry_repr(b, dict, at);
  }
  rt_buf_putc(b, '}');
  if (dict->flavor == 'd') rt_buf_putc(b, ')');
  repr_leave();
}

static void set_repr(rt_buf *b, py_set *set) {
  const char *name = set->frozen ? "frozenset" : "set";
  if (py_set_length(set) == 0) {
    rt_buf_puts(b, name);
    rt_buf_puts(b, "()");
    return;
  }
  if (!repr_enter(b, &set->header, set->frozen ? "frozenset(...)" : "set(...)")) return;
  if (set->frozen) rt_buf_puts(b, "frozenset(");
  rt_buf_putc(b, '{');
  bool first = true;
  for (int64_t at = py_set_next(set, 0); at >= 0; at = py_set_next(set, at + 1)) {
    if (!first) rt_buf_puts(b, ", ");
    first = false;
    py_word_repr(b, py_set_key_word(set, at), set->kind);
  }
  rt_buf_putc(b, '}');
  if (set->frozen) rt_buf_putc(b, ')');
  repr_leave();
}

/* deque([1, 2]), or deque([1, 2], maxlen=3) for a bounded one. */
static void deque_repr(rt_buf *b, py_deque *deque) {
  if (!repr_enter(b, &deque->header, "[...]")) return;
  rt_buf_puts(b, "deque([");
  for (int64_t i = 0; i < deque->length; i++) {
    if (i > 0) rt_buf_puts(b, ", ");
    py_word_repr(b, py_deque_word(deque, i), deque->kind);
  }
  rt_buf_puts(b, "]");
  if (deque->maxlen >= 0) {
    char text[48];
    int n = snprintf(text, sizeof text, ", maxlen=%lld", (long long)deque->maxlen);
    rt_buf_put(b, text, (size_t)n);
  }
  rt_buf_putc(b, ')');
  repr_leave();
}

static void object_repr(rt_buf *b, rt_object *object) {
  const rt_layout *layout = object->layout;
  if (layout == &rt_str_layout) {
    rt_str *s = (rt_str *)object;
    py_repr_utf8(b, s->data, (size_t)s->size);
  } else if (layout == &py_list_layout) {
    list_repr(b, (py_list *)object);
  } else if (py_is_tuple_layout(layout)) {
    tuple_repr(b, (py_tuple *)object);
  } else if (layout == &py_dict_layout) {
    dict_repr(b, (py_dict *)object);
  } else if (layout == &py_set_layout) {
    set_repr(b, (py_set *)object);
  } else if (layout == &py_deque_layout) {
    deque_repr(b, (py_deque *)object);
  } else if (layout == &py_bytes_layout) {
    py_bytes_repr_into(b, (const py_bytes *)object);
  } else {
    rt_buf_putc(b, '<');
    rt_buf_puts(b, layout->name);
    rt_buf_puts(b, " object>");
  }
}

rt_str *py_object_repr(rt_object *object) {
  rt_buf b = {0};
  object_repr(&b, object);
  return rt_buf_to_str(&b);
}

rt_str *py_object_str(rt_object *object) {
  if (object->layout == &rt_str_layout) {
    rt_retain(object);
    return (rt_str *)object;
  }
  return py_object_repr(object);
}

void py_write_object(rt_object *object) {
  rt_str *text = py_object_str(object);
  rt_write_str(text);
  rt_release(&text->header);
}

/* ---- equality and ordering ------------------------------------------------------------------- */

/* Values of different kinds (unpacked): ints, bools and floats compare by their numbers, as CPython's
   do (1 == 1.0 == True); any others have no order and are unequal. */
static bool is_number_kind(int64_t kind) { return kind == 'i' || kind == 'b' || kind == 'f'; }

/* -1, 0 or 1 as x is less than, equal to or greater than y, 2 when either is NaN. */
static int64_t number_order(int64_t x, int64_t x_kind, int64_t y, int64_t y_kind) {
  if (x_kind == 'b') x <<= 1; /* a bool as the small int 0 or 1 */
  if (y_kind == 'b') y <<= 1;
  if (x_kind != 'f' && y_kind != 'f') return py_int_compare(x, y);
  if (x_kind == 'f' && y_kind == 'f') {
    double a = word_to_f64(x);
    double b = word_to_f64(y);
    return a != a || b != b ? 2 : (a > b) - (a < b);
  }
  if (y_kind == 'f') return py_int_compare_f64(x, word_to_f64(y));
  int64_t order = py_int_compare_f64(y, word_to_f64(x));
  return order == 2 ? 2 : -order;
}

/* x == y for words of any kinds, unpacked. */
static bool words_eq(int64_t x, int64_t x_kind, int64_t y, int64_t y_kind) {
  if (x_kind == y_kind) return py_word_eq(x, y, x_kind);
  return is_number_kind(x_kind) && is_number_kind(y_kind) && number_order(x, x_kind, y, y_kind) == 0;
}

int64_t py_word_order(int64_t x, int64_t x_kind, int64_t y, int64_t y_kind, const char *op) {
  if (is_number_kind(x_kind) && is_number_kind(y_kind) && (x_kind != y_kind || x_kind == 'f'))
    return number_order(x, x_kind, y, y_kind);
  if (x_kind == y_kind && x_kind != 'n') return py_word_compare(x, y, x_kind);
  rt_raisef("TypeError", "'%s' not supported between instances of '%s' and '%s'", op, py_word_type_name(x, x_kind),
            py_word_type_name(y, y_kind));
  return 0;
}

/* A list, a tuple or a deque read by position: each element's word and kind (a list's and a deque's
   one kind for all). */
typedef struct sequence {
  const py_list *list; /* one of the three, the others NULL */
  const py_tuple *tuple;
  const py_deque *deque;
  int64_t length;
} sequence;

static bool is_sequence(const rt_object *object) {
  return object->layout == &py_list_layout || py_is_tuple_layout(object->layout) ||
         object->layout == &py_deque_layout;
}

static sequence sequence_of(const rt_object *object) {
  if (object->layout == &py_list_layout) {
    const py_list *list = (const py_list *)object;
    return (sequence){list, NULL, NULL, list->items.length};
  }
  if (object->layout == &py_deque_layout) {
    const py_deque *deque = (const py_deque *)object;
    return (sequence){NULL, NULL, deque, deque->length};
  }
  const py_tuple *tuple = (const py_tuple *)object;
  return (sequence){NULL, tuple, NULL, tuple->length};
}

static int64_t word_at(sequence s, int64_t i) {
  if (s.list != NULL) return py_list_word(s.list, i);
  return s.deque != NULL ? py_deque_word(s.deque, i) : s.tuple->words[i];
}

/* Element i as its own type's word, its kind through `kind` (py_word_unpack). */
static int64_t element_at(sequence s, int64_t i, int64_t *kind) {
  *kind = s.list != NULL ? s.list->kind : s.deque != NULL ? s.deque->kind : s.tuple->kinds->data[i];
  int64_t word = word_at(s, i);
  py_word_unpack(&word, kind);
  return word;
}

static bool sequence_eq(sequence a, sequence b) {
  if (a.length != b.length) return false;
  for (int64_t i = 0; i < a.length; i++) {
    int64_t a_kind, b_kind;
    int64_t x = element_at(a, i, &a_kind);
    int64_t y = element_at(b, i, &b_kind);
    if (!words_eq(x, a_kind, y, b_kind)) return false;
  }
  return true;
}

bool py_object_eq(rt_object *a, rt_object *b) {
  if (a == b) return true;
  if (py_class_of(a) != py_class_of(b)) return false;
  if (a->layout == &rt_str_layout) return rt_str_eq((rt_str *)a, (rt_str *)b);
  if (is_sequence(a)) return sequence_eq(sequence_of(a), sequence_of(b));
  if (a->layout == &py_dict_layout) return py_dict_eq((py_dict *)a, (py_dict *)b);
  if (a->layout == &py_set_layout) return py_set_eq((py_set *)a, (py_set *)b);
  if (a->layout == &py_bytes_layout) return py_bytes_eq((py_bytes *)a, (py_bytes *)b);
  return false;
}

bool py_word_eq(int64_t a, int64_t b, int64_t kind) {
  if (kind == 'a') {
    if (a == b) return true;
    int64_t a_kind, b_kind;
    int64_t x = py_any_unpack(a, &a_kind);
    int64_t y = py_any_unpack(b, &b_kind);
    return words_eq(x, a_kind, y, b_kind);
  }
  switch (kind) {
    case 'f':
      return word_to_f64(a) == word_to_f64(b);
    case 'o':
      if (a == 0 || b == 0) return a == b;
      return py_object_eq((rt_object *)(intptr_t)a, (rt_object *)(intptr_t)b);
    case 'i':
      /* Ints are normalised: a small equals only its own word, a big only another big. */
      return a == b || ((a & b & 1) && py_int_eq(a, b));
    default:
      return a == b;
  }
}

static int64_t sign_of(int64_t x) { return (x > 0) - (x < 0); }

static void raise_unordered(const char *op, const rt_object *a, const rt_object *b) {
  rt_raisef("TypeError", "'%s' not supported between instances of '%s' and '%s'", op, py_object_type_name(a),
            py_object_type_name(b));
}

/* Lexicographic order as CPython's list, tuple and deque richcompare: the first unequal pair decides. */
static int64_t sequence_compare(sequence a, sequence b) {
  int64_t n = a.length < b.length ? a.length : b.length;
  for (int64_t i = 0; i < n; i++) {
    int64_t a_kind, b_kind;
    int64_t x = element_at(a, i, &a_kind);
    int64_t y = element_at(b, i, &b_kind);
    if (words_eq(x, a_kind, y, b_kind)) continue;
    if (rt_error_pending) return 0;
    int64_t order = py_word_order(x, a_kind, y, b_kind, "<");
    return order == 2 ? 0 : order;
  }
  return sign_of(a.length - b.length);
}

int64_t py_object_compare(rt_object *a, rt_object *b) {
  if (py_class_of(a) != py_class_of(b)) {
    raise_unordered("<", a, b);
    return 0;
  }
  if (a->layout == &rt_str_layout) return sign_of(rt_str_compare((rt_str *)a, (rt_str *)b));
  if (is_sequence(a)) return sequence_compare(sequence_of(a), sequence_of(b));
  if (a->layout == &py_bytes_layout) return py_bytes_compare((py_bytes *)a, (py_bytes *)b);
  raise_unordered("<", a, b);
  return 0;
}

int64_t py_word_compare(int64_t a, int64_t b, int64_t kind) {
  if (kind == 'a') {
    int64_t a_kind, b_kind;
    int64_t x = py_any_unpack(a, &a_kind);
    int64_t y = py_any_unpack(b, &b_kind);
    int64_t order = py_word_order(x, a_kind, y, b_kind, "<");
    return order == 2 ? 0 : order;
  }
  switch (kind) {
    case 'f': {
      double x = word_to_f64(a);
      double y = word_to_f64(b);
      return (x > y) - (x < y);
    }
    case 'o':
      if (a == 0 || b == 0) {
        rt_raise("TypeError", "'<' not supported between instances of 'NoneType' and 'NoneType'");
        return 0;
      }
      return py_object_compare((rt_object *)(intptr_t)a, (rt_object *)(intptr_t)b);
    case 'n':
      rt_raise("TypeError", "'<' not supported between instances of 'NoneType' and 'NoneType'");
      return 0;
    case 'i':
      /* Two smalls' words are in their integers' order. */
      if (((a | b) & 1) != 0) return py_int_compare(a, b);
      return (a > b) - (a < b);
    default:
      return (a > b) - (a < b);
  }
}

/* ---- hashing ---------------------------------------------------------------------------------- */

int64_t py_object_hash(rt_object *object) {
  const rt_layout *layout = object->layout;
  if (layout == &rt_str_layout) return py_hash_str((rt_str *)object);
  if (py_is_tuple_layout(layout)) {
    py_tuple *tuple = (py_tuple *)object;
    int64_t small[16];
    int64_t *hashes = tuple->length <= 16 ? small : malloc((size_t)tuple->length * sizeof *hashes);
    if (hashes == NULL) rt_out_of_memory();
    int64_t result = -1;
    for (int64_t i = 0; i < tuple->length; i++) {
      int64_t word = tuple->words[i];
      int64_t kind = tuple->kinds->data[i];
      py_word_unpack(&word, &kind);
      hashes[i] = py_word_hash(word, kind);
      if (rt_error_pending) goto done;
    }
    result = py_hash_tuple_combine(hashes, tuple->length);
  done:
    if (hashes != small) free(hashes);
    return result;
  }
  if (layout == &py_set_layout) return py_set_hash((py_set *)object);
  if (layout == &py_bytes_layout) return py_bytes_hash((py_bytes *)object);
  rt_raisef("TypeError", "unhashable type: '%s'", py_object_type_name(object));
  return -1;
}

int64_t py_word_hash(int64_t word, int64_t kind) {
  if (kind == 'a') word = py_any_unpack(word, &kind);
  switch (kind) {
    case 'i':
      return py_int_hash(word);
    case 'f':
      return py_hash_f64(word_to_f64(word));
    case 'b':
      return word;
    case 'n':
      return py_hash_none();
    default:
      return word == 0 ? py_hash_none() : py_object_hash((rt_object *)(intptr_t)word);
  }
}
