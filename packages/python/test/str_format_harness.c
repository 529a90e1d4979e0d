/*
 * Drives `format % args` and str.format (py_str_format.c) for the differential test in
 * str-format.test.ts: one command per line on stdin, one answer per line on stdout, in the language
 * of str_format_referee.py:
 *
 *   P FORMAT ARGS          py_str_percent(FORMAT, ARGS)
 *   F FORMAT ARGS KWARGS   py_str_format(FORMAT, ARGS, KWARGS), KWARGS "-" for NULL
 *
 * FORMAT is a str as hex of its UTF-8; values are written in prefix form, one token each:
 *   iN  fHEX (IEEE bits)  b0 b1  n  sHEX (a str)
 *   lKN then N elements of kind K (a list)   tN then N elements (a tuple)
 *   dKVN then N keys of kind K and values of kind V, alternating (a dict)
 * The answer is repr() of the result, or "!Kind: message". Everything made is released, so that
 * with TOOLCHAIN_CHECK_LEAKS=1 the report says 0 live objects.
 */
#include "harness_codec.h"

typedef struct {
  int64_t word;
  int64_t kind;
} value;

static char *next_token(void) { return strtok(NULL, " "); }

/* Tuples keep their kinds forever: one immortal string per distinct kinds text. */
static const rt_str *tuple_kinds(const char *kinds) {
  static const rt_str *known[4096];
  static int count;
  for (int i = 0; i < count; i++) {
    if (strcmp(known[i]->data, kinds) == 0) return known[i];
  }
  if (count == 4096) abort();
  return known[count++] = rt_str_immortal_from_cstr(kinds);
}

/* One value from the tokens, its reference owned by the caller. */
static value parse_value(const char *token) {
  value v = {0, token[0]};
  const char *rest = token + 1;
  switch (token[0]) {
    case 'i':
      v.word = py_int_from_i64(strtoll(rest, NULL, 10));
      return v;
    case 'f': {
      double x = f64(rest);
      memcpy(&v.word, &x, sizeof x);
      return v;
    }
    case 'b':
      v.word = rest[0] == '1';
      return v;
    case 'n':
      return v;
    case 's':
      v.kind = 'o';
      v.word = (int64_t)(intptr_t)from_hex(rest);
      return v;
    case 'l': {
      py_list *list = py_list_new(rest[0], 0);
      for (long n = strtol(rest + 1, NULL, 10); n > 0; n--) {
        value item = parse_value(next_token());
        py_list_append_word(list, item.word);
        py_word_release(item.word, item.kind);
      }
      return (value){(int64_t)(intptr_t)list, 'o'};
    }
    case 't': {
      long n = strtol(rest, NULL, 10);
      value items[64];
      char kinds[65];
      for (long i = 0; i < n; i++) {
        items[i] = parse_value(next_token());
        kinds[i] = (char)items[i].kind;
      }
      kinds[n] = '\0';
      py_tuple *tuple = py_tuple_new(tuple_kinds(kinds));
      for (long i = 0; i < n; i++) tuple->words[i] = items[i].word;
      return (value){(int64_t)(intptr_t)tuple, 'o'};
    }
    default: {
      py_dict *dict = py_dict_new(rest[0], rest[1]);
      for (long n = strtol(rest + 2, NULL, 10); n > 0; n--) {
        value key = parse_value(next_token());
        value item = parse_value(next_token());
        py_dict_set_value_word(dict, py_dict_insert_word(dict, key.word), item.word);
        py_word_release(key.word, key.kind);
        py_word_release(item.word, item.kind);
      }
      return (value){(int64_t)(intptr_t)dict, 'o'};
    }
  }
}

static void put_str(rt_str *s) {
  if (failed()) return;
  rt_str *r = py_str_repr(s);
  printf("%s\n", r->data);
  rt_str_decref(r);
  rt_str_decref(s);
}

int main(int argc, char **argv) {
  rt_init(argc, argv, NULL, NULL);
  static char line[1 << 16];
  while (fgets(line, sizeof line, stdin) != NULL) {
    line[strcspn(line, "\n")] = '\0';
    char *command = strtok(line, " ");
    if (command == NULL) continue;
    rt_str *format = from_hex(next_token());
    value args = parse_value(next_token());
    if (command[0] == 'P') {
      put_str(py_str_percent(format, (py_tuple *)(intptr_t)args.word));
    } else {
      char *token = next_token();
      py_dict *kwargs = token[0] == '-' ? NULL : (py_dict *)(intptr_t)parse_value(token).word;
      put_str(py_str_format(format, (py_tuple *)(intptr_t)args.word, kwargs));
      if (kwargs != NULL) rt_release(&kwargs->header);
    }
    rt_release((rt_object *)(intptr_t)args.word);
    rt_str_decref(format);
  }
  return rt_shutdown();
}
