/*
 * Drives Python's str methods (py_str_search.c, py_str_split.c, py_str_case.c, py_str_layout.c) for
 * the differential test in str-methods.test.ts: one command per line on stdin, one answer per line
 * on stdout, in the language of str_methods_referee.py:
 *
 *   FUNCTION ARG...   a runtime function (without its py_str_ prefix) applied to arguments written
 *                     s:HEX (a str as hex of its UTF-8), i:N, t:HEX,HEX... (a tuple of str) or
 *                     l:HEX,HEX... (a list of str), an empty str in those written "-"; answers the
 *                     result's repr, or "!Kind: message"
 *   chars START END   every code point in [START, END) but surrogates, each mapped and classified
 *                     as singles: answers the CRC-32 of the text (zlib's), as CPython makes it
 *
 * Everything made is released, so that with TOOLCHAIN_CHECK_LEAKS=1 the report says 0 live objects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_runtime.h"

enum { MAX_ARGS = 4 };

typedef struct value {
  char type; /* s, i, t or l */
  rt_str *s;
  int64_t i;
  rt_object *object;
} value;

static rt_str *from_hex(const char *hex, size_t digits) {
  size_t n = digits / 2;
  char *bytes = malloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    sscanf(hex + 2 * i, "%2x", &v);
    bytes[i] = (char)v;
  }
  rt_str *s = rt_str_from_utf8(bytes, n);
  free(bytes);
  return s;
}

/* The strings of "HEX,HEX,..." (none for an empty text). */
static int64_t split_hex(const char *text, rt_str **out) {
  int64_t count = 0;
  if (*text == '\0') return 0;
  for (;;) {
    size_t digits = strcspn(text, ",");
    out[count++] = from_hex(text, text[0] == '-' ? 0 : digits);
    if (text[digits] == '\0') return count;
    text += digits + 1;
  }
}

static value parse(const char *word) {
  value v = {word[0], NULL, 0, NULL};
  const char *text = word + 2;
  rt_str *parts[64];
  if (v.type == 's') {
    v.s = from_hex(text, strlen(text));
  } else if (v.type == 'i') {
    v.i = strtoll(text, NULL, 10);
  } else if (v.type == 't') {
    int64_t count = split_hex(text, parts);
    char kinds[65];
    memset(kinds, 'o', (size_t)count);
    kinds[count] = '\0';
    /* Tuples keep their kinds forever: one immortal string per length. */
    static const rt_str *kinds_by_length[65];
    if (kinds_by_length[count] == NULL) kinds_by_length[count] = rt_str_immortal_from_cstr(kinds);
    py_tuple *tuple = py_tuple_new(kinds_by_length[count]);
    for (int64_t i = 0; i < count; i++) tuple->words[i] = (int64_t)(intptr_t)parts[i];
    v.object = &tuple->header;
  } else {
    int64_t count = split_hex(text, parts);
    py_list *list = py_list_new('o', count);
    for (int64_t i = 0; i < count; i++) {
      py_list_append_obj(list, &parts[i]->header);
      rt_str_decref(parts[i]);
    }
    v.object = &list->header;
  }
  return v;
}

static void release(value v) {
  if (v.s != NULL) rt_str_decref(v.s);
  if (v.object != NULL) rt_release(v.object);
}

static bool failed(void) {
  if (!rt_error_pending) return false;
  printf("!%s: %s\n", rt_error_kind(), rt_error_message());
  rt_error_clear();
  return true;
}

static void put_str(rt_str *s) {
  if (failed()) return;
  rt_str *r = py_str_repr(s);
  printf("%s\n", r->data);
  rt_str_decref(r);
  rt_str_decref(s);
}

static void put_object(rt_object *object) {
  if (failed()) return;
  rt_str *r = py_object_repr(object);
  printf("%s\n", r->data);
  rt_str_decref(r);
  rt_release(object);
}

static void put_i64(int64_t x) {
  if (!failed()) printf("%lld\n", (long long)x);
}

static void put_bool(bool b) {
  if (!failed()) printf("%s\n", b ? "True" : "False");
}

#define S(k) (args[k].s)
#define I(k) (args[k].i)
#define T(k) ((py_tuple *)args[k].object)
#define L(k) ((py_list *)args[k].object)

static const struct {
  const char *name;
  rt_str *(*f)(rt_str *);
} str_to_str[] = {
    {"upper", py_str_upper},
    {"lower", py_str_lower},
    {"casefold", py_str_casefold},
    {"title", py_str_title},
    {"capitalize", py_str_capitalize},
    {"swapcase", py_str_swapcase},
    {"strip_whitespace", py_str_strip_whitespace},
    {"lstrip_whitespace", py_str_lstrip_whitespace},
    {"rstrip_whitespace", py_str_rstrip_whitespace},
};

static const struct {
  const char *name;
  bool (*f)(rt_str *);
} predicates[] = {
    {"isdecimal", py_str_isdecimal}, {"isdigit", py_str_isdigit},   {"isnumeric", py_str_isnumeric},
    {"isalpha", py_str_isalpha},     {"isalnum", py_str_isalnum},   {"isspace", py_str_isspace},
    {"isascii", py_str_isascii},     {"isidentifier", py_str_isidentifier}, {"isupper", py_str_isupper},
    {"islower", py_str_islower},     {"istitle", py_str_istitle},
};

static const struct {
  const char *name;
  rt_str *(*f)(rt_str *, rt_str *);
} str_str_to_str[] = {
    {"strip", py_str_strip},
    {"lstrip", py_str_lstrip},
    {"rstrip", py_str_rstrip},
    {"removeprefix", py_str_removeprefix},
    {"removesuffix", py_str_removesuffix},
};

static const struct {
  const char *name;
  int64_t (*f)(rt_str *, rt_str *, int64_t, int64_t);
} searches[] = {
    {"find", py_str_find}, {"rfind", py_str_rfind}, {"index", py_str_index},
    {"rindex", py_str_rindex}, {"count", py_str_count},
};

static void call(const char *name, value *args) {
  for (size_t k = 0; k < sizeof str_to_str / sizeof str_to_str[0]; k++) {
    if (strcmp(name, str_to_str[k].name) == 0) return put_str(str_to_str[k].f(S(0)));
  }
  for (size_t k = 0; k < sizeof predicates / sizeof predicates[0]; k++) {
    if (strcmp(name, predicates[k].name) == 0) return put_bool(predicates[k].f(S(0)));
  }
  for (size_t k = 0; k < sizeof str_str_to_str / sizeof str_str_to_str[0]; k++) {
    if (strcmp(name, str_str_to_str[k].name) == 0) return put_str(str_str_to_str[k].f(S(0), S(1)));
  }
  for (size_t k = 0; k < sizeof searches / sizeof searches[0]; k++) {
    if (strcmp(name, searches[k].name) == 0) return put_i64(searches[k].f(S(0), S(1), I(2), I(3)));
  }
  if (strcmp(name, "startswith") == 0) return put_bool(py_str_startswith(S(0), S(1), I(2), I(3)));
  if (strcmp(name, "endswith") == 0) return put_bool(py_str_endswith(S(0), S(1), I(2), I(3)));
  if (strcmp(name, "startswith_tuple") == 0) return put_bool(py_str_startswith_tuple(S(0), T(1), I(2), I(3)));
  if (strcmp(name, "endswith_tuple") == 0) return put_bool(py_str_endswith_tuple(S(0), T(1), I(2), I(3)));
  if (strcmp(name, "replace") == 0) return put_str(py_str_replace(S(0), S(1), S(2), I(3)));
  if (strcmp(name, "partition") == 0) return put_object((rt_object *)py_str_partition(S(0), S(1)));
  if (strcmp(name, "rpartition") == 0) return put_object((rt_object *)py_str_rpartition(S(0), S(1)));
  if (strcmp(name, "split_whitespace") == 0) return put_object((rt_object *)py_str_split_whitespace(S(0), I(1)));
  if (strcmp(name, "rsplit_whitespace") == 0) return put_object((rt_object *)py_str_rsplit_whitespace(S(0), I(1)));
  if (strcmp(name, "split") == 0) return put_object((rt_object *)py_str_split(S(0), S(1), I(2)));
  if (strcmp(name, "rsplit") == 0) return put_object((rt_object *)py_str_rsplit(S(0), S(1), I(2)));
  if (strcmp(name, "splitlines") == 0) return put_object((rt_object *)py_str_splitlines(S(0), I(1)));
  if (strcmp(name, "join") == 0) return put_str(py_str_join(S(0), L(1)));
  if (strcmp(name, "center") == 0) return put_str(py_str_center(S(0), I(1), S(2)));
  if (strcmp(name, "ljust") == 0) return put_str(py_str_ljust(S(0), I(1), S(2)));
  if (strcmp(name, "rjust") == 0) return put_str(py_str_rjust(S(0), I(1), S(2)));
  if (strcmp(name, "zfill") == 0) return put_str(py_str_zfill(S(0), I(1)));
  if (strcmp(name, "expandtabs") == 0) return put_str(py_str_expandtabs(S(0), I(1)));
  printf("?unknown command %s\n", name);
}

/* ---- every code point as a single ------------------------------------------------------------- */

static uint32_t crc32_update(uint32_t crc, const char *p, size_t n) {
  static uint32_t table[256];
  if (table[1] == 0) {
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
  }
  crc = ~crc;
  for (size_t i = 0; i < n; i++) crc = table[(crc ^ (unsigned char)p[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

/* Appends f's result and a separator, consuming the result. */
static void add(rt_buf *b, rt_str *r) {
  rt_buf_put(b, r->data, (size_t)r->size);
  rt_buf_putc(b, '|');
  rt_str_decref(r);
}

static rt_str *around(const char *before, uint32_t cp, const char *after) {
  rt_buf b = {0};
  rt_buf_puts(&b, before);
  rt_buf_put_cp(&b, cp);
  rt_buf_puts(&b, after);
  return rt_buf_to_str(&b);
}

/* For each code point: its case forms, final sigma after it (found with a cased and an uncased
 * letter before it), identifier continuation and the predicates as letters. */
static void chars(uint32_t start, uint32_t end) {
  uint32_t crc = 0;
  rt_buf b = {0};
  for (uint32_t cp = start; cp < end; cp++) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    rt_str *c = around("", cp, "");
    for (size_t k = 0; k < sizeof str_to_str / sizeof str_to_str[0] && k < 6; k++) add(&b, str_to_str[k].f(c));
    rt_str *cased = around("A", cp, "\xce\xa3");
    rt_str *uncased = around("1", cp, "\xce\xa3");
    rt_str *identifier = around("a", cp, "");
    add(&b, py_str_lower(cased));
    add(&b, py_str_lower(uncased));
    rt_buf_putc(&b, py_str_isidentifier(identifier) ? 'I' : '.');
    for (size_t k = 0; k < sizeof predicates / sizeof predicates[0]; k++) {
      rt_buf_putc(&b, predicates[k].f(c) ? (char)('a' + k) : '.');
    }
    rt_buf_putc(&b, '\n');
    rt_str_decref(c);
    rt_str_decref(cased);
    rt_str_decref(uncased);
    rt_str_decref(identifier);
    crc = crc32_update(crc, b.data, b.len);
    b.len = 0;
  }
  rt_buf_free(&b);
  printf("%08x\n", crc);
}

int main(int argc, char **argv) {
  rt_init(argc, argv, NULL, NULL);
  static char line[1 << 16];
  while (fgets(line, sizeof line, stdin) != NULL) {
    line[strcspn(line, "\n")] = '\0';
    char *words[1 + MAX_ARGS];
    int count = 0;
    for (char *word = strtok(line, " "); word != NULL && count < 1 + MAX_ARGS; word = strtok(NULL, " ")) {
      words[count++] = word;
    }
    if (count == 0) continue;
    if (strcmp(words[0], "chars") == 0) {
      chars((uint32_t)strtoul(words[1], NULL, 10), (uint32_t)strtoul(words[2], NULL, 10));
      continue;
    }
    value args[MAX_ARGS] = {{0}};
    for (int k = 1; k < count; k++) args[k - 1] = parse(words[k]);
    call(words[0], args);
    for (int k = 1; k < count; k++) release(args[k - 1]);
  }
  return rt_shutdown();
}
