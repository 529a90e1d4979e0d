/*
 * `format % args` (CPython 3.11's PyUnicode_Format) and `format.format(*args, **kwargs)`
 * (Objects/stringlib/unicode_format.h), with CPython's output and errors.
 *
 * Both are ports that keep CPython's order of work, because that order decides which error a faulty
 * format reports: `%` fetches an argument before it looks at the conversion character, and
 * str.format parses a field only when it reaches it, so an earlier field fails first.
 *
 * Arguments are words with kind characters (py_containers.h). A format is decoded into code points
 * followed by a 0, as CPython reads its NUL-terminated strings, so the ports may read one past the
 * end where CPython does; indexes in messages count code points.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_int_internal.h"

typedef struct {
  uint32_t *cps; /* length + 1 code points, the last 0 */
  int64_t length;
} code_points;

static code_points decode(const rt_str *s) {
  code_points c = {rt_malloc(sizeof(uint32_t) * (size_t)(s->length + 1)), 0};
  const unsigned char *p = (const unsigned char *)s->data;
  const unsigned char *end = p + s->size;
  while (p < end) p += rt_utf8_decode(p, &c.cps[c.length++]);
  c.cps[c.length] = 0;
  return c;
}

static void put_cps(rt_buf *b, const uint32_t *cps, int64_t count) {
  for (int64_t i = 0; i < count; i++) rt_buf_put_cp(b, cps[i]);
}

/* ---- values of any kind ------------------------------------------------------------------------ */

static double f64_of_word(int64_t word) {
  double x;
  memcpy(&x, &word, sizeof x);
  return x;
}

static rt_object *object_of_word(int64_t word) { return (rt_object *)(intptr_t)word; }

/* An 'i' or 'b' word as an int of its own (a new reference): an int's word is the int. */
static py_int int_of_word(int64_t word, int64_t kind) {
  if (kind == 'b') return word != 0 ? 2 /* the small 1 */ : 0;
  py_int_retain(word);
  return word;
}

static bool is_str(int64_t word, int64_t kind) {
  return kind == 'o' && object_of_word(word)->layout == &rt_str_layout;
}

/* str(value). */
static rt_str *word_str(int64_t word, int64_t kind) {
  switch (kind) {
    case 'i': {
      py_int x = int_of_word(word, kind);
      rt_str *text = py_int_to_str(x);
      py_int_release(x);
      return text;
    }
    case 'f':
      return py_f64_repr_str(f64_of_word(word));
    case 'b':
      return py_bool_to_str(word != 0);
    case 'n':
      return rt_str_from_cstr("None");
    default:
      return py_object_str(object_of_word(word));
  }
}

/* repr(value): an int's repr is its str. */
static rt_str *word_repr(int64_t word, int64_t kind) {
  if (kind == 'i') return word_str(word, kind);
  rt_buf b = {0};
  py_word_repr(&b, word, kind);
  return rt_buf_to_str(&b);
}

/* ascii(value): the repr with every non-ASCII character escaped as the backslashreplace error
 * handler escapes it, which is how CPython's PyObject_ASCII makes it. */
static rt_str *word_ascii(int64_t word, int64_t kind) {
  rt_str *repr = word_repr(word, kind);
  if (repr->size == repr->length) return repr;
  rt_buf b = {0};
  const unsigned char *p = (const unsigned char *)repr->data;
  const unsigned char *end = p + repr->size;
  while (p < end) {
    uint32_t cp;
    p += rt_utf8_decode(p, &cp);
    char escape[12];
    if (cp < 0x80)
      rt_buf_putc(&b, (char)cp);
    else if (cp < 0x100)
      rt_buf_put(&b, escape, (size_t)snprintf(escape, sizeof escape, "\\x%02x", cp));
    else if (cp < 0x10000)
      rt_buf_put(&b, escape, (size_t)snprintf(escape, sizeof escape, "\\u%04x", cp));
    else
      rt_buf_put(&b, escape, (size_t)snprintf(escape, sizeof escape, "\\U%08x", cp));
  }
  rt_str_decref(repr);
  return rt_buf_to_str(&b);
}

/* ---- format % args ------------------------------------------------------------------------------ */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
  const uint32_t *fmt;
  int64_t pos;   /* the next code point to read */
  int64_t count; /* CPython's fmtcnt: code points left after the one just read */
  py_tuple *args;
  int64_t arglen; /* -1 for a single non-tuple operand (a mapping), held as args' one element */
  int64_t argidx;
  rt_buf out;
} percent_state;

typedef struct {
  uint32_t ch;
  int flags;
  int64_t width; /* -1: none */
  int64_t prec;  /* -1: none */
  bool sign;     /* a number, whose sign the output places */
} percent_arg;

static bool next_arg(percent_state *st, int64_t *word, int64_t *kind) {
  if (st->argidx < st->arglen) {
    int64_t index = st->arglen < 0 ? 0 : st->argidx;
    st->argidx++;
    *word = st->args->words[index];
    *kind = st->args->kinds->data[index];
    py_word_unpack(word, kind);
    return true;
  }
  rt_raise("TypeError", "not enough arguments for format string");
  return false;
}

static uint32_t read_next(percent_state *st) { return st->fmt[st->pos++]; }

/* The argument of a '*': a width or precision, which must be an int (a bool is one). */
static bool star_arg(percent_state *st, int64_t *value) {
  int64_t word, kind;
  if (!next_arg(st, &word, &kind)) return false;
  if (kind != 'i' && kind != 'b') {
    rt_raise("TypeError", "* wants int");
    return false;
  }
  py_int x = int_of_word(word, kind);
  *value = py_int_to_i64(x);
  py_int_release(x);
  return !rt_error_pending;
}

/* unicode_format_arg_parse: flags, width, precision and length modifier, up to the conversion
 * character in arg->ch. */
static bool parse_percent_arg(percent_state *st, percent_arg *arg) {
  if (st->fmt[st->pos] == '(') {
    /* Mapping keys are not supported: an operand that is one is refused as CPython refuses a tuple. */
    rt_raise("TypeError", "format requires a mapping");
    return false;
  }
  while (--st->count >= 0) {
    arg->ch = read_next(st);
    switch (arg->ch) {
      case '-':
        arg->flags |= F_LJUST;
        continue;
      case '+':
        arg->flags |= F_SIGN;
        continue;
      case ' ':
        arg->flags |= F_BLANK;
        continue;
      case '#':
        arg->flags |= F_ALT;
        continue;
      case '0':
        arg->flags |= F_ZERO;
        continue;
      default:
        break;
    }
    break;
  }
  if (arg->ch == '*') {
    if (!star_arg(st, &arg->width)) return false;
    if (arg->width < 0) {
      arg->flags |= F_LJUST;
      /* Wraps for INT64_MIN as CPython's negation does, leaving a negative width that pads nothing. */
      arg->width = (int64_t)(0 - (uint64_t)arg->width);
    }
    if (--st->count >= 0) arg->ch = read_next(st);
  } else if (arg->ch >= '0' && arg->ch <= '9') {
    arg->width = arg->ch - '0';
    while (--st->count >= 0) {
      arg->ch = read_next(st);
      if (arg->ch < '0' || arg->ch > '9') break;
      if (arg->width > (INT64_MAX - (int)(arg->ch - '0')) / 10) {
        rt_raise("ValueError", "width too big");
        return false;
      }
      arg->width = arg->width * 10 + (arg->ch - '0');
    }
  }
  if (arg->ch == '.') {
    arg->prec = 0;
    if (--st->count >= 0) arg->ch = read_next(st);
    if (arg->ch == '*') {
      int64_t prec;
      if (!star_arg(st, &prec)) return false;
      if (prec > INT_MAX || prec < INT_MIN) {
        rt_raise("OverflowError", "Python int too large to convert to C int");
        return false;
      }
      arg->prec = prec < 0 ? 0 : prec;
      if (--st->count >= 0) arg->ch = read_next(st);
    } else if (arg->ch >= '0' && arg->ch <= '9') {
      arg->prec = arg->ch - '0';
      while (--st->count >= 0) {
        arg->ch = read_next(st);
        if (arg->ch < '0' || arg->ch > '9') break;
        if (arg->prec > (INT_MAX - (int)(arg->ch - '0')) / 10) {
          rt_raise("ValueError", "precision too big");
          return false;
        }
        arg->prec = arg->prec * 10 + (arg->ch - '0');
      }
    }
  }
  /* C's length modifiers are accepted and ignored ("%ld"). */
  if (st->count >= 0 && (arg->ch == 'h' || arg->ch == 'l' || arg->ch == 'L')) {
    if (--st->count >= 0) arg->ch = read_next(st);
  }
  if (st->count < 0) {
    rt_raise("ValueError", "incomplete format");
    return false;
  }
  return true;
}

/* _PyUnicode_FormatLong: [-][0x if alternate][zeros up to prec digits]digits, 'X' in upper case. */
static rt_str *format_long(py_int x, bool alternate, int64_t prec, uint32_t type) {
  if (prec > INT_MAX - 3) {
    rt_raise("OverflowError", "precision too large");
    return NULL;
  }
  int base = type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
  char *digits = py_int_magnitude_digits(x, base);
  if (digits == NULL) return NULL;
  int64_t n_digits = (int64_t)strlen(digits);
  rt_buf b = {0};
  if (py_int_compare(x, 0) < 0) rt_buf_putc(&b, '-');
  if (alternate && base != 10) rt_buf_puts(&b, base == 8 ? "0o" : "0x");
  if (prec > n_digits) rt_buf_fill(&b, '0', prec - n_digits);
  rt_buf_put(&b, digits, (size_t)n_digits);
  free(digits);
  if (type == 'X') {
    for (size_t i = 0; i < b.len; i++) {
      if (b.data[i] >= 'a' && b.data[i] <= 'x') b.data[i] = (char)(b.data[i] - 'a' + 'A');
    }
  }
  return rt_buf_to_str(&b);
}

/* mainformatlong: d i u take any real number (a float truncated), o x X only an integer. */
static rt_str *format_integer_arg(int64_t word, int64_t kind, const percent_arg *arg) {
  uint32_t type = arg->ch;
  py_int x;
  if (kind == 'i' || kind == 'b') {
    x = int_of_word(word, kind);
  } else if (kind == 'f' && type != 'o' && type != 'x' && type != 'X') {
    x = py_int_from_f64(f64_of_word(word));
    if (rt_error_pending) return NULL;
  } else {
    const char *wanted = type == 'o' || type == 'x' || type == 'X' ? "an integer" : "a real number";
    rt_raisef("TypeError", "%%%c format: %s is required, not %s", (char)type, wanted, py_word_type_name(word, kind));
    return NULL;
  }
  rt_str *text = format_long(x, (arg->flags & F_ALT) != 0, arg->prec, type);
  py_int_release(x);
  return text;
}

/* formatfloat: the number through PyOS_double_to_string with the conversion as its format code. */
static rt_str *format_float_arg(int64_t word, int64_t kind, const percent_arg *arg) {
  double x;
  if (kind == 'f') {
    x = f64_of_word(word);
  } else if (kind == 'b') {
    x = word != 0;
  } else if (kind == 'i') {
    py_int value = int_of_word(word, kind);
    x = py_int_to_f64(value);
    py_int_release(value);
    if (rt_error_pending) return NULL;
  } else {
    rt_raisef("TypeError", "must be real number, not %s", py_word_type_name(word, kind));
    return NULL;
  }
  uint32_t ch = arg->ch;
  bool upper = ch == 'E' || ch == 'F' || ch == 'G';
  char code = (char)(upper ? ch - 'A' + 'a' : ch);
  char *text = py_double_to_string(x, code, arg->prec < 0 ? 6 : (int)arg->prec, arg->flags & F_ALT ? PY_DTSF_ALT : 0,
                                   upper);
  rt_str *result = rt_str_from_cstr(text);
  free(text);
  return result;
}

/* formatchar: a str of one character, or an int code point. */
static rt_str *format_char_arg(int64_t word, int64_t kind) {
  int64_t cp;
  if (is_str(word, kind)) {
    rt_str *s = (rt_str *)object_of_word(word);
    if (s->length == 1) {
      rt_str_incref(s);
      return s;
    }
    cp = -2;
  } else if (kind == 'i' || kind == 'b') {
    py_int x = int_of_word(word, kind);
    /* Any int outside int64 is outside the range too. */
    if (!py_int_get_i64(x, &cp)) cp = -1;
    py_int_release(x);
    if (cp < 0 || cp > 0x10FFFF) {
      rt_raise("OverflowError", "%c arg not in range(0x110000)");
      return NULL;
    }
  } else {
    cp = -2;
  }
  if (cp == -2) {
    rt_raise("TypeError", "%c requires int or char");
    return NULL;
  }
  return py_str_chr(cp);
}

/* unicode_format_arg_format: the argument's text before padding, or NULL after raising. */
static rt_str *format_percent_arg(percent_state *st, percent_arg *arg) {
  int64_t word, kind;
  if (!next_arg(st, &word, &kind)) return NULL;
  switch (arg->ch) {
    case 's':
      return word_str(word, kind);
    case 'r':
      return word_repr(word, kind);
    case 'a':
      return word_ascii(word, kind);
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      arg->sign = true;
      return format_integer_arg(word, kind, arg);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      arg->sign = true;
      return format_float_arg(word, kind, arg);
    case 'c':
      return format_char_arg(word, kind);
    default:
      rt_raisef("ValueError", "unsupported format character '%c' (0x%x) at index %lld",
                arg->ch >= 31 && arg->ch <= 126 ? (char)arg->ch : '?', (unsigned)arg->ch, (long long)(st->pos - 1));
      return NULL;
  }
}

/* unicode_format_arg_output: the text with its precision (for s, r, a), sign, prefix and padding. */
static void output_percent_arg(rt_buf *out, percent_arg *arg, rt_str *text) {
  code_points c = decode(text);
  int64_t len = c.length;
  uint32_t fill = arg->sign && (arg->flags & F_ZERO) ? '0' : ' ';
  if ((arg->width == -1 || arg->width <= len) && (arg->prec == -1 || arg->prec >= len) &&
      !(arg->flags & (F_SIGN | F_BLANK))) {
    rt_buf_put(out, text->data, (size_t)text->size);
    free(c.cps);
    return;
  }
  if ((arg->ch == 's' || arg->ch == 'r' || arg->ch == 'a') && arg->prec >= 0 && len > arg->prec) len = arg->prec;
  int64_t index = 0;
  uint32_t sign_char = 0;
  if (arg->sign) {
    if (c.cps[0] == '-' || c.cps[0] == '+') {
      sign_char = c.cps[0];
      len--;
      index++;
    } else if (arg->flags & F_SIGN) {
      sign_char = '+';
    } else if (arg->flags & F_BLANK) {
      sign_char = ' ';
    } else {
      arg->sign = false;
    }
  }
  if (arg->width < len) arg->width = len;
  if (arg->sign) {
    if (fill != ' ') rt_buf_put_cp(out, sign_char);
    if (arg->width > len) arg->width--;
  }
  bool prefix = (arg->flags & F_ALT) && (arg->ch == 'x' || arg->ch == 'X' || arg->ch == 'o');
  if (prefix) {
    if (fill != ' ') {
      put_cps(out, c.cps + index, 2);
      index += 2;
    }
    arg->width -= 2;
    if (arg->width < 0) arg->width = 0;
    len -= 2;
  }
  if (arg->width > len && !(arg->flags & F_LJUST)) {
    rt_buf_fill(out, fill, arg->width - len);
    arg->width = len;
  }
  if (fill == ' ') {
    if (arg->sign) rt_buf_put_cp(out, sign_char);
    if (prefix) {
      put_cps(out, c.cps + index, 2);
      index += 2;
    }
  }
  put_cps(out, c.cps + index, len);
  if (arg->width > len) rt_buf_fill(out, ' ', arg->width - len);
  free(c.cps);
}

/* unicode_format_arg: one conversion after its '%'. */
static bool percent_arg_convert(percent_state *st) {
  percent_arg arg = {st->fmt[st->pos], 0, -1, -1, false};
  if (arg.ch == '%') {
    st->pos++;
    st->count--;
    rt_buf_putc(&st->out, '%');
    return true;
  }
  if (!parse_percent_arg(st, &arg)) return false;
  rt_str *text = format_percent_arg(st, &arg);
  if (text == NULL || rt_error_pending) {
    if (text != NULL) rt_str_decref(text);
    return false;
  }
  output_percent_arg(&st->out, &arg, text);
  rt_str_decref(text);
  return true;
}

/* PyUnicode_Format with args a tuple (arglen its length) or a single operand held as its one
 * element (arglen -1). */
static rt_str *percent_format(rt_str *format, py_tuple *args, int64_t arglen) {
  code_points c = decode(format);
  percent_state st = {c.cps, 0, c.length, args, arglen, arglen < 0 ? -2 : 0, {0}};
  bool ok = true;
  while (ok && --st.count >= 0) {
    if (st.fmt[st.pos] != '%') {
      /* Literal text up to the next '%' in one piece. */
      int64_t start = st.pos;
      while (st.count > 0 && st.fmt[st.pos + 1] != '%') {
        st.pos++;
        st.count--;
      }
      st.pos++;
      put_cps(&st.out, c.cps + start, st.pos - start);
    } else {
      st.pos++;
      ok = percent_arg_convert(&st);
    }
  }
  free(c.cps);
  if (ok && st.argidx < st.arglen) {
    rt_raise("TypeError", "not all arguments converted during string formatting");
    ok = false;
  }
  if (!ok) {
    rt_buf_free(&st.out);
    return NULL;
  }
  return rt_buf_to_str(&st.out);
}

rt_str *py_str_percent(rt_str *format, py_tuple *args) { return percent_format(format, args, args->length); }

/* ---- format.format(*args, **kwargs) ------------------------------------------------------------- */

typedef struct {
  const uint32_t *cps;
  int64_t start, end;
} sub_string;

enum { ANS_INIT, ANS_AUTO, ANS_MANUAL };

typedef struct {
  py_tuple *args;
  py_dict *kwargs; /* may be NULL: no keyword arguments */
  int auto_state;
  int64_t auto_number;
} format_context;

/* A field's value: a word of a kind, and whether this holds a reference to it. */
typedef struct {
  int64_t word;
  int64_t kind;
  bool owned;
} field_value;

static void field_release(field_value *v) {
  if (v->owned) py_word_release(v->word, v->kind);
  v->owned = false;
}

/* A container's element as a field's value, borrowed, as its own type's word (py_word_unpack). */
static field_value borrowed_field(int64_t word, int64_t kind) {
  py_word_unpack(&word, &kind);
  return (field_value){word, kind, false};
}

static rt_str *sub_string_str(sub_string s) {
  rt_buf b = {0};
  put_cps(&b, s.cps + s.start, s.end - s.start);
  return rt_buf_to_str(&b);
}

/* get_integer: the decimal value of s (any Unicode decimal digits), or -1 when it is empty or not all
 * digits; -2 after raising for too many digits. */
static int64_t get_integer(sub_string s) {
  if (s.start >= s.end) return -1;
  int64_t accumulator = 0;
  for (int64_t i = s.start; i < s.end; i++) {
    int digit = rt_unicode_decimal(s.cps[i]);
    if (digit < 0) return -1;
    if (accumulator > (INT64_MAX - digit) / 10) {
      rt_raise("ValueError", "Too many decimal digits in format string");
      return -2;
    }
    accumulator = accumulator * 10 + digit;
  }
  return accumulator;
}

static void raise_key_error_str(sub_string key) {
  rt_str *text = sub_string_str(key);
  rt_str *repr = py_str_repr(text);
  rt_raise("KeyError", repr->data);
  rt_str_decref(repr);
  rt_str_decref(text);
}

/* The value of a dict's entry for a key, borrowed: a str key (index < 0) or an int index. */
static bool dict_item(py_dict *dict, sub_string key, int64_t index, field_value *out) {
  int64_t at = -1;
  if (index < 0) {
    if (dict->key_kind == 'o') {
      rt_str *text = sub_string_str(key);
      at = py_dict_find_obj(dict, &text->header);
      rt_str_decref(text);
    }
  } else if (dict->key_kind == 'i') {
    py_int key = py_int_from_i64(index);
    at = py_dict_find_word(dict, key);
    py_int_release(key);
  } else if (dict->key_kind == 'b' && index <= 1) {
    at = py_dict_find_word(dict, index);
  } else if (dict->key_kind == 'f') {
    /* 1 == 1.0 and they hash alike, so an int index finds a float key. */
    double x = (double)index;
    int64_t word;
    memcpy(&word, &x, sizeof word);
    at = py_dict_find_word(dict, word);
  }
  if (rt_error_pending) return false;
  if (at < 0) {
    if (index < 0)
      raise_key_error_str(key);
    else
      rt_raisef("KeyError", "%lld", (long long)index);
    return false;
  }
  *out = borrowed_field(py_dict_value_word(dict, at), dict->value_kind);
  return true;
}

/* value[key] for a "[key]" part: an int index of a list, tuple or str, or a key of a dict. */
static bool field_item(field_value *v, sub_string key, int64_t index) {
  field_value item = {0, 0, false};
  rt_object *object = v->kind == 'o' ? object_of_word(v->word) : NULL;
  const char *name = py_word_type_name(v->word, v->kind);
  bool ok = true;
  if (object != NULL && object->layout == &py_dict_layout) {
    ok = dict_item((py_dict *)object, key, index, &item);
  } else if (object != NULL &&
             (object->layout == &py_list_layout || py_is_tuple_layout(object->layout) ||
              object->layout == &rt_str_layout)) {
    if (index < 0) {
      if (object->layout == &rt_str_layout)
        rt_raise("TypeError", "string indices must be integers, not 'str'");
      else
        rt_raisef("TypeError", "%s indices must be integers or slices, not str", name);
      ok = false;
    } else if (object->layout == &rt_str_layout) {
      rt_str *c = py_str_getitem((rt_str *)object, index);
      ok = c != NULL;
      item = (field_value){(int64_t)(intptr_t)c, 'o', true};
    } else if (object->layout == &py_list_layout) {
      py_list *list = (py_list *)object;
      ok = index < list->items.length;
      if (ok)
        item = borrowed_field(py_list_word(list, index), list->kind);
      else
        rt_raise("IndexError", "list index out of range");
    } else {
      py_tuple *tuple = (py_tuple *)object;
      ok = index < tuple->length;
      if (ok)
        item = borrowed_field(tuple->words[index], tuple->kinds->data[index]);
      else
        rt_raise("IndexError", "tuple index out of range");
    }
  } else {
    rt_raisef("TypeError", "'%s' object is not subscriptable", name);
    ok = false;
  }
  if (!ok) return false;
  /* The item of a borrowed container is borrowed from it, so the container must stay held. */
  if (v->owned && !item.owned) {
    py_word_retain(item.word, item.kind);
    item.owned = true;
  }
  field_release(v);
  *v = item;
  return true;
}

/* FieldNameIterator_next applied as it goes: ".name" and "[key]" parts after the first. */
static bool field_rest(field_value *v, sub_string rest) {
  int64_t i = rest.start;
  while (i < rest.end) {
    uint32_t c = rest.cps[i++];
    sub_string name = {rest.cps, i, i};
    bool attribute = c == '.';
    if (attribute) {
      while (i < rest.end && rest.cps[i] != '.' && rest.cps[i] != '[') i++;
      name.end = i;
    } else if (c == '[') {
      while (i < rest.end && rest.cps[i] != ']') i++;
      if (i >= rest.end) {
        rt_raise("ValueError", "Missing ']' in format string");
        return false;
      }
      name.end = i++;
    } else {
      rt_raise("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
      return false;
    }
    if (name.start == name.end) {
      rt_raise("ValueError", "Empty attribute in format string");
      return false;
    }
    if (attribute) {
      /* Attributes are not supported: every lookup fails as one of a missing attribute does. */
      rt_str *text = sub_string_str(name);
      rt_raisef("AttributeError", "'%s' object has no attribute '%s'", py_word_type_name(v->word, v->kind), text->data);
      rt_str_decref(text);
      return false;
    }
    int64_t index = get_integer(name);
    if (index == -2 || !field_item(v, name, index)) return false;
  }
  return true;
}

/* get_field_object: the argument a field names, after field_name_split's automatic numbering. */
static bool get_field(format_context *ctx, sub_string field, field_value *out) {
  int64_t i = field.start;
  while (i < field.end && field.cps[i] != '.' && field.cps[i] != '[') i++;
  sub_string first = {field.cps, field.start, i};
  sub_string rest = {field.cps, i, field.end};
  int64_t index = get_integer(first);
  if (index == -2) return false;
  bool empty = first.start >= first.end;
  if (empty || index != -1) {
    if (ctx->auto_state == ANS_INIT) ctx->auto_state = empty ? ANS_AUTO : ANS_MANUAL;
    if (ctx->auto_state == ANS_MANUAL && empty) {
      rt_raise("ValueError", "cannot switch from manual field specification to automatic field numbering");
      return false;
    }
    if (ctx->auto_state == ANS_AUTO && !empty) {
      rt_raise("ValueError", "cannot switch from automatic field numbering to manual field specification");
      return false;
    }
    if (empty) index = ctx->auto_number++;
  }
  if (index == -1) {
    if (ctx->kwargs == NULL) {
      raise_key_error_str(first);
      return false;
    }
    if (!dict_item(ctx->kwargs, first, -1, out)) return false;
  } else {
    if (index >= ctx->args->length) {
      rt_raisef("IndexError", "Replacement index %lld out of range for positional args tuple", (long long)index);
      return false;
    }
    *out = borrowed_field(ctx->args->words[index], ctx->args->kinds->data[index]);
  }
  if (field_rest(out, rest)) return true;
  field_release(out);
  return false;
}

/* format(value, spec) by the value's type; other objects (None, containers) take only "". */
static rt_str *render_field(field_value v, rt_str *spec) {
  switch (v.kind) {
    case 'i': {
      py_int x = int_of_word(v.word, v.kind);
      rt_str *text = py_int_format(x, spec);
      py_int_release(x);
      return text;
    }
    case 'f':
      return py_format_f64(f64_of_word(v.word), spec);
    case 'b':
      return py_format_bool(v.word != 0, spec);
    default:
      if (is_str(v.word, v.kind)) return py_format_str((rt_str *)object_of_word(v.word), spec);
      if (spec->size != 0) {
        rt_raisef("TypeError", "unsupported format string passed to %s.__format__", py_word_type_name(v.word, v.kind));
        return NULL;
      }
      return word_str(v.word, v.kind);
  }
}

static bool build_string(format_context *ctx, sub_string input, int depth, rt_buf *out);

/* output_field: look up, convert, expand the spec, format. */
static bool output_field(format_context *ctx, sub_string field, sub_string spec, bool expand, uint32_t conversion,
                         int depth, rt_buf *out) {
  field_value v;
  if (!get_field(ctx, field, &v)) return false;
  if (conversion != 0) {
    rt_str *converted = NULL;
    if (conversion == 'r')
      converted = word_repr(v.word, v.kind);
    else if (conversion == 's')
      converted = word_str(v.word, v.kind);
    else if (conversion == 'a')
      converted = word_ascii(v.word, v.kind);
    else if (conversion > 32 && conversion < 127)
      rt_raisef("ValueError", "Unknown conversion specifier %c", (char)conversion);
    else
      rt_raisef("ValueError", "Unknown conversion specifier \\x%x", (unsigned)conversion);
    field_release(&v);
    if (converted == NULL) return false;
    v = (field_value){(int64_t)(intptr_t)converted, 'o', true};
  }
  rt_str *spec_text;
  if (expand) {
    rt_buf expanded = {0};
    if (!build_string(ctx, spec, depth - 1, &expanded)) {
      rt_buf_free(&expanded);
      field_release(&v);
      return false;
    }
    spec_text = rt_buf_to_str(&expanded);
  } else {
    spec_text = sub_string_str(spec);
  }
  rt_str *text = render_field(v, spec_text);
  rt_str_decref(spec_text);
  field_release(&v);
  if (text == NULL || rt_error_pending) {
    if (text != NULL) rt_str_decref(text);
    return false;
  }
  rt_buf_put(out, text->data, (size_t)text->size);
  rt_str_decref(text);
  return true;
}

/* parse_field: after a '{', the field name, conversion and spec up to the matching '}'. */
static bool parse_field(sub_string *str, sub_string *field, sub_string *spec, bool *expand, uint32_t *conversion) {
  uint32_t c = 0;
  field->cps = spec->cps = str->cps;
  field->start = str->start;
  spec->start = spec->end = 0;
  while (str->start < str->end) {
    c = str->cps[str->start++];
    if (c == '{') {
      rt_raise("ValueError", "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (str->start < str->end && str->cps[str->start] != ']') str->start++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  field->end = str->start - 1;
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (str->start >= str->end) {
        rt_raise("ValueError", "end of string while looking for conversion specifier");
        return false;
      }
      *conversion = str->cps[str->start++];
      if (str->start < str->end) {
        c = str->cps[str->start++];
        if (c == '}') return true;
        if (c != ':') {
          rt_raise("ValueError", "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    spec->start = str->start;
    int64_t count = 1;
    while (str->start < str->end) {
      c = str->cps[str->start++];
      if (c == '{') {
        *expand = true;
        count++;
      } else if (c == '}' && --count == 0) {
        spec->end = str->start - 1;
        return true;
      }
    }
    rt_raise("ValueError", "unmatched '{' in format spec");
    return false;
  }
  if (c != '}') {
    rt_raise("ValueError", "expected '}' before end of string");
    return false;
  }
  return true;
}

/* build_string/output_markup with MarkupIterator_next inlined: literal text, then a field. */
static bool build_string(format_context *ctx, sub_string input, int depth, rt_buf *out) {
  if (depth <= 0) {
    rt_raise("ValueError", "Max string recursion exceeded");
    return false;
  }
  sub_string str = input;
  while (str.start < str.end) {
    int64_t start = str.start;
    uint32_t c = 0;
    bool markup = false;
    while (str.start < str.end) {
      c = str.cps[str.start++];
      if (c == '{' || c == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = str.start >= str.end;
    int64_t len = str.start - start;
    if (c == '}' && (at_end || c != str.cps[str.start])) {
      rt_raise("ValueError", "Single '}' encountered in format string");
      return false;
    }
    if (at_end && c == '{') {
      rt_raise("ValueError", "Single '{' encountered in format string");
      return false;
    }
    if (!at_end) {
      if (c == str.cps[str.start]) {
        /* "{{" or "}}": one brace of literal text. */
        str.start++;
        markup = false;
      } else {
        len--;
      }
    }
    put_cps(out, str.cps + start, len);
    if (!markup) continue;
    sub_string field, spec;
    bool expand = false;
    uint32_t conversion = 0;
    if (!parse_field(&str, &field, &spec, &expand, &conversion)) return false;
    if (!output_field(ctx, field, spec, expand, conversion, depth, out)) return false;
  }
  return true;
}

rt_str *py_str_format(rt_str *format, py_tuple *args, py_dict *kwargs) {
  code_points c = decode(format);
  format_context ctx = {args, kwargs, ANS_INIT, 0};
  rt_buf out = {0};
  /* CPython starts at depth 2: a spec's nested fields may not nest again. */
  bool ok = build_string(&ctx, (sub_string){c.cps, 0, c.length}, 2, &out);
  free(c.cps);
  if (!ok) {
    rt_buf_free(&out);
    return NULL;
  }
  return rt_buf_to_str(&out);
}
