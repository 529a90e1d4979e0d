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
  return 'o';
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
