/*
 * Values whose type is decided at run time: the elements of a `list[int | str]`, a variable assigned
 * an int and a str, a dict's values of several types (kind 'a', py_containers.h). Such a value is one
 * tagged word, as an int is, so an int is its own: an immediate int, or a reference (low bit 1) to an
 * object that says what it is by its layout. A big int is its own reference; a float is boxed; True,
 * False and None are immortal objects. The compiler boxes a value entering such a slot (py_any_from_*)
 * and unboxes it where a test (isinstance, `is not None`) says what it is (py_any_float and the like);
 * everything else (printing, equality, ordering, hashing, truth) the runtime does by what the value is.
 */
#include <string.h>

#include "py_containers.h"
#include "py_runtime.h"

typedef struct py_float_box {
  rt_object header;
  double value;
} py_float_box;

static const rt_layout float_layout = {
    .name = "float",
    .type_id = PY_FLOAT_TYPE_ID,
    .flags = 0,
    .size = sizeof(py_float_box),
    .drop = NULL,
    .traverse = NULL,
};

static const rt_layout bool_layout = {
    .name = "bool",
    .type_id = PY_BOOL_TYPE_ID,
    .flags = 0,
    .size = sizeof(rt_object),
    .drop = NULL,
    .traverse = NULL,
};

static rt_object false_object = {RT_REFCOUNT_IMMORTAL, &bool_layout};
static rt_object true_object = {RT_REFCOUNT_IMMORTAL, &bool_layout};

static int64_t word_of(rt_object *object) { return (int64_t)(intptr_t)object + 1; }
static rt_object *object_of(int64_t word) { return (rt_object *)(intptr_t)(word - 1); }

py_any py_any_from_float(double x) {
  py_float_box *box = (py_float_box *)rt_alloc(&float_layout, sizeof(py_float_box), NULL);
  box->value = x;
  return word_of(&box->header);
}

py_any py_any_from_bool(bool b) { return word_of(b ? &true_object : &false_object); }

py_any py_any_from_object(rt_object *object) {
  rt_retain(object);
  return word_of(object);
}

double py_any_float(py_any word) { return ((py_float_box *)object_of(word))->value; }

bool py_any_bool(py_any word) { return object_of(word) == &true_object; }

rt_object *py_any_object(py_any word) {
  rt_object *object = object_of(word);
  rt_retain(object);
  return object;
}

int64_t py_any_unpack(int64_t word, int64_t *kind) {
  if (py_int_is_small(word)) {
    *kind = 'i';
    return word;
  }
  rt_object *object = object_of(word);
  if (object == &rt_absent) {
    *kind = 'n';
    return 0;
  }
  if (object->layout == &float_layout) {
    double x = ((py_float_box *)object)->value;
    int64_t bits;
    memcpy(&bits, &x, sizeof bits);
    *kind = 'f';
    return bits;
  }
  if (object->layout == &bool_layout) {
    *kind = 'b';
    return object == &true_object;
  }
  if (py_int_is_big_object(object)) {
    *kind = 'i';
    return word;
  }
  *kind = 'o';
  return (int64_t)(intptr_t)object;
}

int64_t py_any_class(py_any word) {
  int64_t kind;
  int64_t own = py_any_unpack(word, &kind);
  if (kind != 'o') return kind;
  const rt_object *object = (const rt_object *)(intptr_t)own;
  const rt_layout *layout = py_class_of(object);
  if (layout == &rt_str_layout) return 's';
  if (layout == &py_list_layout) return 'l';
  if (layout == &py_tuple_layout) return 't';
  if (layout == &py_dict_layout) return 'd';
  if (layout == &py_set_layout) return ((const py_set *)object)->frozen ? 'F' : 'S';
  if (layout == &py_deque_layout) return 'D';
  if (layout == &py_bytes_layout) return 'y';
  return 'o';
}

int64_t py_any_len(py_any word) {
  int64_t kind;
  int64_t own = py_any_unpack(word, &kind);
  if (kind == 'o') {
    rt_object *object = (rt_object *)(intptr_t)own;
    const rt_layout *layout = py_class_of(object);
    if (layout == &rt_str_layout) return ((rt_str *)object)->length;
    if (layout == &py_list_layout) return ((py_list *)object)->items.length;
    if (layout == &py_tuple_layout) return ((py_tuple *)object)->length;
    if (layout == &py_dict_layout) return py_dict_length((py_dict *)object);
    if (layout == &py_set_layout) return py_set_length((py_set *)object);
    if (layout == &py_deque_layout) return ((py_deque *)object)->length;
    if (layout == &py_bytes_layout) return ((py_bytes *)object)->size;
  }
  rt_raisef("TypeError", "object of type '%s' has no len()", py_word_type_name(own, kind));
  return 0;
}

rt_str *py_any_class_name(py_any word) {
  int64_t kind;
  int64_t own = py_any_unpack(word, &kind);
  const char *name = py_word_type_name(own, kind);
  /* CPython's messages name a deque by its module; its __name__ does not. */
  return rt_str_from_cstr(strcmp(name, "collections.deque") == 0 ? "deque" : name);
}

bool py_any_truth(py_any word) {
  int64_t kind;
  int64_t own = py_any_unpack(word, &kind);
  switch (kind) {
    case 'i':
      return own != 0;
    case 'f':
      return py_any_float(word) != 0.0;
    case 'b':
      return own != 0;
    case 'n':
      return false;
    default:
      break;
  }
  rt_object *object = (rt_object *)(intptr_t)own;
  const rt_layout *layout = py_class_of(object);
  if (layout == &rt_str_layout) return ((rt_str *)object)->size != 0;
  if (layout == &py_list_layout) return ((py_list *)object)->items.length != 0;
  if (layout == &py_tuple_layout) return ((py_tuple *)object)->length != 0;
  if (layout == &py_dict_layout) return py_dict_length((py_dict *)object) != 0;
  if (layout == &py_set_layout) return py_set_length((py_set *)object) != 0;
  if (layout == &py_deque_layout) return ((py_deque *)object)->length != 0;
  if (layout == &py_bytes_layout) return ((py_bytes *)object)->size != 0;
  return true;
}

rt_str *py_any_repr(py_any word) {
  rt_buf b = {0};
  py_word_repr(&b, word, 'a');
  return rt_buf_to_str(&b);
}

rt_str *py_any_str(py_any word) {
  int64_t kind;
  int64_t own = py_any_unpack(word, &kind);
  if (kind == 'o' && ((rt_object *)(intptr_t)own)->layout == &rt_str_layout) {
    rt_retain((rt_object *)(intptr_t)own);
    return (rt_str *)(intptr_t)own;
  }
  return py_any_repr(word);
}

void py_write_any(py_any word) {
  rt_str *text = py_any_str(word);
  rt_write_str(text);
  rt_release(&text->header);
}

bool py_any_eq(py_any a, py_any b) { return py_word_eq(a, b, 'a'); }

int64_t py_any_hash(py_any word) { return py_word_hash(word, 'a'); }

/* a < b, a <= b, a > b or a >= b ('<', 'l', '>', 'g'), raising CPython's TypeError for values with no
   order between them, with the operator it was asked for. */
bool py_any_order(py_any a, py_any b, int64_t op) {
  int64_t a_kind, b_kind;
  int64_t x = py_any_unpack(a, &a_kind);
  int64_t y = py_any_unpack(b, &b_kind);
  const char *symbol = op == '<' ? "<" : op == 'l' ? "<=" : op == '>' ? ">" : ">=";
  int64_t order = py_word_order(x, a_kind, y, b_kind, symbol);
  if (rt_error_pending) return false;
  switch (op) {
    case '<':
      return order == -1;
    case 'l':
      return order == -1 || order == 0;
    case '>':
      return order == 1;
    default:
      return order == 1 || order == 0;
  }
}

/* ---- iteration -------------------------------------------------------------------------------- */

/* A word of kind `from` as a new reference of kind `to`: the same value, boxed into a union's word
   or unboxed from one. Static types allow only these (a union's elements are the join's). */
static int64_t word_as_kind(int64_t word, int64_t from, int64_t to) {
  if (from == 'a' && to != 'a') {
    word = py_any_unpack(word, &from);
  }
  if (to == 'a') {
    switch (py_word_kind(word, from)) {
      case 'i':
      case 'a':
        py_int_retain(word);
        return word;
      case 'f': {
        double x;
        memcpy(&x, &word, sizeof x);
        return py_any_from_float(x);
      }
      case 'b':
        return py_any_from_bool(word != 0);
      case 'n':
        return RT_ABSENT_WORD;
      default:
        return py_any_from_object((rt_object *)(intptr_t)word);
    }
  }
  py_word_retain(word, to);
  return word;
}

/* Appends a word of kind `from` to a list, converted to the list's kind. */
static void append_as(py_list *list, int64_t word, int64_t from) {
  int64_t converted = word_as_kind(word, from, list->kind);
  py_list_append_word(list, converted);
  py_word_release(converted, list->kind);
}

py_list *py_list_concat_as(py_list *a, py_list *b, int64_t kind) {
  py_list *result = py_list_new(kind, a->items.length + b->items.length);
  for (int64_t i = 0; i < a->items.length; i++) append_as(result, py_list_word(a, i), a->kind);
  for (int64_t i = 0; i < b->items.length; i++) append_as(result, py_list_word(b, i), b->kind);
  return result;
}

py_list *py_object_as_list(rt_object *object, int64_t kind) {
  py_list *list = py_list_new(kind, 0);
  const rt_layout *layout = py_class_of(object);
  if (layout == &rt_str_layout) {
    rt_str *text = (rt_str *)object;
    for (int64_t i = 0; i < text->length; i++) {
      rt_str *character = py_str_getitem(text, i);
      append_as(list, (int64_t)(intptr_t)character, 'o');
      rt_release(&character->header);
    }
  } else if (layout == &py_list_layout) {
    py_list *source = (py_list *)object;
    for (int64_t i = 0; i < source->items.length; i++) append_as(list, py_list_word(source, i), source->kind);
  } else if (layout == &py_tuple_layout) {
    py_tuple *source = (py_tuple *)object;
    for (int64_t i = 0; i < source->length; i++) append_as(list, source->words[i], source->kinds->data[i]);
  } else if (layout == &py_dict_layout) {
    py_dict *source = (py_dict *)object;
    for (int64_t at = py_dict_next(source, 0); at >= 0; at = py_dict_next(source, at + 1))
      append_as(list, *(int64_t *)rt_hash_table_key_at(&source->table, at), source->key_kind);
  } else if (layout == &py_set_layout) {
    py_set *source = (py_set *)object;
    for (int64_t at = py_set_next(source, 0); at >= 0; at = py_set_next(source, at + 1))
      append_as(list, py_set_key_word(source, at), source->kind);
  } else if (layout == &py_deque_layout) {
    py_deque *source = (py_deque *)object;
    for (int64_t i = 0; i < source->length; i++) append_as(list, py_deque_word(source, i), source->kind);
  } else {
    rt_raisef("TypeError", "'%s' object is not iterable", py_object_type_name(object));
    rt_release(&list->header);
    return NULL;
  }
  return list;
}

py_list *py_any_as_list(py_any word, int64_t kind) {
  int64_t own_kind;
  int64_t own = py_any_unpack(word, &own_kind);
  if (own_kind == 'o') return py_object_as_list((rt_object *)(intptr_t)own, kind);
  rt_raisef("TypeError", "'%s' object is not iterable", py_word_type_name(own, own_kind));
  return NULL;
}

/* ---- subscripts -------------------------------------------------------------------------------- */

/* A key of kind `kind` (unpacked) as a dict with keys of `key_kind` holds one, if it can hold it: an
   int for a float key and the like compare equal only through their numbers. False when no key of
   the dict can equal it. */
static bool key_as_kind(int64_t *key, int64_t kind, int64_t key_kind) {
  if (key_kind == 'a' || kind == key_kind) return true;
  if (key_kind == 'i' && kind == 'b') {
    *key <<= 1; /* True as the small int 1 */
    return true;
  }
  return key_kind == 'o' && kind == 'n' ? (*key = 0, true) : false;
}

static py_any dict_item(py_dict *dict, py_any key_word, int64_t key, int64_t key_kind) {
  int64_t held = key_word;
  if (dict->key_kind != 'a') held = key;
  int64_t position = -1;
  if (key_as_kind(&held, key_kind, dict->key_kind)) {
    if (dict->flavor == 'd') position = py_dict_insert_default_word(dict, held);
    else position = py_dict_find_word(dict, held);
  }
  if (rt_error_pending) return 0;
  if (position < 0 && dict->flavor == 'c') return 0; /* a Counter's missing key counts 0 */
  if (position < 0) {
    rt_buf b = {0};
    py_word_repr(&b, key, key_kind);
    rt_str *text = rt_buf_to_str(&b);
    rt_raisef("KeyError", "%s", text->data);
    rt_release(&text->header);
    return 0;
  }
  return word_as_kind(py_dict_value_word(dict, position), dict->value_kind, 'a');
}

/* The position `index` (an int or a bool, unpacked) names in a sequence of `length`, or -1 after
   raising CPython's IndexError or TypeError. */
static int64_t sequence_position(int64_t index, int64_t kind, int64_t length, const char *what) {
  if (kind != 'i' && kind != 'b') {
    if (strcmp(what, "string") == 0)
      rt_raisef("TypeError", "string indices must be integers, not '%s'", py_word_type_name(index, kind));
    else
      rt_raisef("TypeError", "%s indices must be integers or slices, not %s", what, py_word_type_name(index, kind));
    return -1;
  }
  int64_t i = kind == 'b' ? index : py_int_to_index(index);
  if (rt_error_pending) return -1;
  if (i < 0) i += length;
  if (i < 0 || i >= length) {
    rt_raisef("IndexError", "%s index out of range", what);
    return -1;
  }
  return i;
}

py_any py_any_getitem(py_any container, py_any key) {
  int64_t container_kind, key_kind;
  int64_t object_word = py_any_unpack(container, &container_kind);
  int64_t index = py_any_unpack(key, &key_kind);
  if (container_kind != 'o') {
    rt_raisef("TypeError", "'%s' object is not subscriptable", py_word_type_name(object_word, container_kind));
    return 0;
  }
  rt_object *object = (rt_object *)(intptr_t)object_word;
  const rt_layout *layout = py_class_of(object);
  if (layout == &py_dict_layout) return dict_item((py_dict *)object, key, index, key_kind);
  if (layout == &rt_str_layout) {
    rt_str *text = (rt_str *)object;
    int64_t i = sequence_position(index, key_kind, text->length, "string");
    return i < 0 ? 0 : word_of(&py_str_getitem(text, i)->header);
  }
  if (layout == &py_list_layout) {
    py_list *list = (py_list *)object;
    int64_t i = sequence_position(index, key_kind, list->items.length, "list");
    return i < 0 ? 0 : word_as_kind(py_list_word(list, i), list->kind, 'a');
  }
  if (layout == &py_tuple_layout) {
    py_tuple *tuple = (py_tuple *)object;
    int64_t i = sequence_position(index, key_kind, tuple->length, "tuple");
    return i < 0 ? 0 : word_as_kind(tuple->words[i], tuple->kinds->data[i], 'a');
  }
  rt_raisef("TypeError", "'%s' object is not subscriptable", py_object_type_name(object));
  return 0;
}

py_any py_any_slice(py_any container, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step) {
  int64_t kind;
  int64_t own = py_any_unpack(container, &kind);
  rt_object *object = kind == 'o' ? (rt_object *)(intptr_t)own : NULL;
  if (object != NULL && object->layout == &rt_str_layout) {
    rt_str *slice = py_str_slice((rt_str *)object, start, has_start, stop, has_stop, step);
    return slice == NULL ? 0 : word_of(&slice->header);
  }
  if (object != NULL && object->layout == &py_list_layout) {
    py_list *slice = py_list_slice((py_list *)object, start, has_start, stop, has_stop, step);
    return word_of(&slice->header);
  }
  if (object != NULL && py_is_tuple_layout(object->layout)) {
    rt_raise("NotImplementedError", "unsupported: slicing a tuple (its length would not be static)");
    return 0;
  }
  rt_raisef("TypeError", "'%s' object is not subscriptable", py_word_type_name(own, kind));
  return 0;
}
