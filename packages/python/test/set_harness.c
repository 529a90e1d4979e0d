/*
 * Drives py_set.c and py_hash.c for the differential test in sets.test.ts: reads one command per line
 * from stdin and writes what CPython's answers (set_referee.py) say, line for line. Values travel as
 * tokens: ints in decimal, floats as hex of their IEEE bits, strings as hex of their UTF-8 ("-" for
 * the empty one); a raised error prints as "!Kind: message".
 *
 *   new SLOT KIND FROZEN     KIND i, f or s (str)     show SLOT     drop SLOT
 *   add SLOT V | discard SLOT V | remove SLOT V | contains SLOT V | pop SLOT | clear SLOT | len SLOT
 *   adds SLOT V...           several adds: "ok"
 *   discards SLOT V...       several discards: how many were there
 *   pops SLOT N              N pops: the keys popped
 *   op NAME DEST A B         NAME union, intersection, difference, symmetric_difference, copy,
 *                            update, intersection_update, difference_update,
 *                            symmetric_difference_update, ior, iand, isub, ixor
 *   compare A B              issubset issuperset isdisjoint eq, as 0/1
 *   sethash SLOT             hash(frozenset)
 *   hash T                   T a value: i:N, f:BITS, s:HEX, b:0|1, n, t( T... ) or fs( T... )
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_containers.h"
#include "py_hash.h"
#include "py_runtime.h"

static double word_f64(int64_t word) {
  double x;
  memcpy(&x, &word, sizeof x);
  return x;
}

/* ---- tokens ------------------------------------------------------------------------------------- */

static rt_str *from_hex(const char *hex) {
  if (strcmp(hex, "-") == 0) return rt_str_from_utf8("", 0);
  size_t n = strlen(hex) / 2;
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

static void put_token(int64_t word, int64_t kind) {
  if (kind == 'o') {
    rt_str *s = (rt_str *)word;
    if (s->size == 0) fputs("-", stdout);
    for (int64_t i = 0; i < s->size; i++) printf("%02x", (unsigned char)s->data[i]);
  } else if (kind == 'f') {
    printf("%016llx", (unsigned long long)word);
  } else if (kind == 'i') {
    rt_str *text = py_int_to_str(word);
    fputs(text->data, stdout);
    rt_str_decref(text);
  } else {
    printf("%lld", (long long)word);
  }
}

/* The word a token stands for in a set of `kind` (a new reference for a string or a big int). */
static int64_t word_of(const char *token, int64_t kind) {
  if (kind == 'o') return (int64_t)from_hex(token);
  if (kind == 'f') return (int64_t)strtoull(token, NULL, 16);
  if (kind == 'i') return py_int_from_i64(strtoll(token, NULL, 10));
  return strtoll(token, NULL, 10);
}

static void drop_word(int64_t word, int64_t kind) { py_word_release(word, kind); }

static bool failed(void) {
  if (!rt_error_pending) return false;
  printf("!%s: %s\n", rt_error_kind(), rt_error_message());
  rt_error_clear();
  return true;
}

/* ---- hashes of values --------------------------------------------------------------------------- */

static char *next_token(void) { return strtok(NULL, " \n"); }

/* The hash of the value whose first token is `token`, reading the rest of it. */
static int64_t hash_value(const char *token) {
  if (strcmp(token, "t(") == 0 || strcmp(token, "fs(") == 0) {
    int64_t hashes[64];
    int64_t n = 0;
    for (char *t = next_token(); strcmp(t, ")") != 0; t = next_token()) hashes[n++] = hash_value(t);
    return token[0] == 't' ? py_hash_tuple_combine(hashes, n) : py_hash_frozenset_combine(hashes, n);
  }
  const char *v = token + 2;
  switch (token[0]) {
    case 'i':
      return py_hash_i64(strtoll(v, NULL, 10));
    case 'f':
      return py_hash_f64(word_f64((int64_t)strtoull(v, NULL, 16)));
    case 'b':
      return v[0] == '1';
    case 'n':
      return py_hash_none();
    default: {
      rt_str *s = from_hex(v);
      int64_t hash = py_hash_str(s);
      rt_str_decref(s);
      return hash;
    }
  }
}

/* ---- sets --------------------------------------------------------------------------------------- */

#define SLOTS 64
static py_set *slots[SLOTS];

static void put_set(py_set *set) {
  printf("%lld:", (long long)py_set_length(set));
  for (int64_t at = py_set_next(set, 0); at >= 0; at = py_set_next(set, at + 1)) {
    putchar(' ');
    put_token(py_set_key_word(set, at), set->kind);
  }
  putchar('\n');
}

static void store(int slot, py_set *set) {
  if (slots[slot] != NULL) rt_release(&slots[slot]->header);
  slots[slot] = set;
}

static py_set *slot_arg(void) { return slots[atoi(next_token())]; }

typedef py_set *(*binary_fn)(py_set *, py_set *);
typedef void (*update_fn)(py_set *, py_set *);

static const struct {
  const char *name;
  binary_fn binary;
  update_fn update;
} operations[] = {
    {"union", py_set_union, NULL},
    {"intersection", py_set_intersection, NULL},
    {"difference", py_set_difference, NULL},
    {"symmetric_difference", py_set_symmetric_difference, NULL},
    {"ior", py_set_inplace_or, NULL},
    {"iand", py_set_inplace_and, NULL},
    {"isub", py_set_inplace_sub, NULL},
    {"ixor", py_set_inplace_xor, NULL},
    {"update", NULL, py_set_update},
    {"intersection_update", NULL, py_set_intersection_update},
    {"difference_update", NULL, py_set_difference_update},
    {"symmetric_difference_update", NULL, py_set_symmetric_difference_update},
};

static void operation(void) {
  const char *name = next_token();
  int dest = atoi(next_token());
  py_set *a = slot_arg();
  if (strcmp(name, "copy") == 0) {
    store(dest, py_set_copy(a));
    put_set(slots[dest]);
    return;
  }
  py_set *b = slot_arg();
  for (size_t i = 0; i < sizeof operations / sizeof operations[0]; i++) {
    if (strcmp(name, operations[i].name) != 0) continue;
    if (operations[i].binary != NULL) {
      store(dest, operations[i].binary(a, b));
      put_set(slots[dest]);
    } else {
      operations[i].update(a, b);
      put_set(a);
    }
    return;
  }
  printf("?unknown operation %s\n", name);
}

static void element_command(const char *command, py_set *set, const char *token) {
  int64_t key = word_of(token, set->kind);
  if (strcmp(command, "add") == 0) {
    py_set_add_word(set, key);
    if (!failed()) printf("ok\n");
  } else if (strcmp(command, "discard") == 0) {
    bool found = py_set_discard_word(set, key);
    if (!failed()) printf("%d\n", found);
  } else if (strcmp(command, "remove") == 0) {
    py_set_remove_word(set, key);
    if (!failed()) printf("ok\n");
  } else {
    bool found = py_set_contains_word(set, key);
    if (!failed()) printf("%d\n", found);
  }
  drop_word(key, set->kind);
}

static void command(char *line) {
  char *command = strtok(line, " \n");
  if (command == NULL) return;
  if (strcmp(command, "new") == 0) {
    int slot = atoi(next_token());
    const char *kind = next_token();
    int frozen = atoi(next_token());
    store(slot, py_set_new(kind[0] == 's' ? 'o' : kind[0], frozen != 0));
    printf("ok\n");
  } else if (strcmp(command, "show") == 0) {
    put_set(slot_arg());
  } else if (strcmp(command, "drop") == 0) {
    store(atoi(next_token()), NULL);
    printf("ok\n");
  } else if (strcmp(command, "adds") == 0) {
    py_set *set = slot_arg();
    for (char *token = next_token(); token != NULL; token = next_token()) {
      int64_t key = word_of(token, set->kind);
      py_set_add_word(set, key);
      drop_word(key, set->kind);
    }
    printf("ok\n");
  } else if (strcmp(command, "discards") == 0) {
    py_set *set = slot_arg();
    int64_t found = 0;
    for (char *token = next_token(); token != NULL; token = next_token()) {
      int64_t key = word_of(token, set->kind);
      found += py_set_discard_word(set, key);
      drop_word(key, set->kind);
    }
    printf("%lld\n", (long long)found);
  } else if (strcmp(command, "pops") == 0) {
    py_set *set = slot_arg();
    int n = atoi(next_token());
    printf("popped");
    for (int i = 0; i < n; i++) {
      int64_t key = py_set_pop_word(set);
      putchar(' ');
      put_token(key, set->kind);
      drop_word(key, set->kind);
    }
    putchar('\n');
  } else if (strcmp(command, "add") == 0 || strcmp(command, "discard") == 0 || strcmp(command, "remove") == 0 ||
             strcmp(command, "contains") == 0) {
    py_set *set = slot_arg();
    element_command(command, set, next_token());
  } else if (strcmp(command, "pop") == 0) {
    py_set *set = slot_arg();
    int64_t key = py_set_pop_word(set);
    if (failed()) return;
    put_token(key, set->kind);
    putchar('\n');
    drop_word(key, set->kind);
  } else if (strcmp(command, "clear") == 0) {
    py_set_clear(slot_arg());
    printf("ok\n");
  } else if (strcmp(command, "len") == 0) {
    printf("%lld\n", (long long)py_set_length(slot_arg()));
  } else if (strcmp(command, "op") == 0) {
    operation();
  } else if (strcmp(command, "compare") == 0) {
    py_set *a = slot_arg(), *b = slot_arg();
    printf("%d %d %d %d\n", py_set_issubset(a, b), py_set_issuperset(a, b), py_set_isdisjoint(a, b), py_set_eq(a, b));
  } else if (strcmp(command, "sethash") == 0) {
    int64_t hash = py_set_hash(slot_arg());
    if (!failed()) printf("%lld\n", (long long)hash);
  } else if (strcmp(command, "hash") == 0) {
    printf("%lld\n", (long long)hash_value(next_token()));
  } else {
    printf("?unknown command %s\n", command);
  }
}

int main(int argc, char **argv) {
  rt_init(argc, argv, NULL, NULL);
  size_t capacity = 0;
  char *line = NULL;
  while (getline(&line, &capacity, stdin) > 0) command(line);
  free(line);
  for (int slot = 0; slot < SLOTS; slot++) store(slot, NULL);
  fflush(stdout);
  return rt_shutdown();
}
