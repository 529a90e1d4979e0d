/*
 * Drives Python's int runtime (py_int.c, py_int_math.c, int formatting and parsing) in bulk for
 * big-int.test.ts: one command per line on stdin, one result line per command on stdout. Ints travel
 * as signed hexadecimal read and written with GMP directly, not with the functions under test;
 * strings, floats and errors as harness_codec.h says. Every int result is checked to be normalised (small exactly when it fits).
 *
 *   OP A B      add sub mul floordiv mod divmod pow lshift rshift and or xor cmp eq truediv
 *               gcd lcm comb perm
 *   OP A        neg abs invert hash bitlen str tof toi64 isqrt factorial
 *   powmod A B C | fromf F | format A SPEC | parse S BASE (BASE "d": int(s))
 *
 * Every operand and result is released, so a run with TOOLCHAIN_CHECK_LEAKS=1 must end with no live
 * object.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness_codec.h"
#include "py_int_internal.h"

static py_int read_int(const char *hex) {
  mpz_t value;
  mpz_init_set_str(value, hex, 16);
  return py_int_from_mpz(value);
}

/* Writes x in hex (no newline) and releases it. */
static void write_int(py_int x) {
  py_int_view view;
  mpz_srcptr value = py_int_view_of(x, &view);
  bool fits = mpz_cmp_si(value, PY_INT_SMALL_MIN) >= 0 && mpz_cmp_si(value, PY_INT_SMALL_MAX) <= 0;
  if (fits != py_int_is_small(x)) printf("unnormalised ");
  char *text = mpz_get_str(NULL, 16, value);
  fputs(text, stdout);
  free(text);
  py_int_release(x);
}

static void put_int(py_int x) {
  if (failed()) return;
  write_int(x);
  putchar('\n');
}

static void put_str(rt_str *s) {
  if (failed()) return;
  put_hex(s->data, (size_t)s->size);
  rt_str_decref(s);
}

static const struct {
  const char *name;
  py_int (*f)(py_int, py_int);
} binary[] = {
    {"add", py_int_add},       {"sub", py_int_sub},         {"mul", py_int_mul}, {"floordiv", py_int_floordiv},
    {"mod", py_int_mod},       {"pow", py_int_pow},         {"and", py_int_and}, {"or", py_int_or},
    {"xor", py_int_xor},       {"lshift", py_int_lshift},   {"rshift", py_int_rshift}, {"gcd", py_int_gcd},
    {"lcm", py_int_lcm},       {"comb", py_int_comb},       {"perm", py_int_perm},
};

static const struct {
  const char *name;
  py_int (*f)(py_int);
} unary[] = {
    {"neg", py_int_neg}, {"abs", py_int_abs}, {"invert", py_int_invert}, {"isqrt", py_int_isqrt},
    {"factorial", py_int_factorial},
};

static bool run_binary(const char *op, py_int a, py_int b) {
  for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++) {
    if (strcmp(binary[i].name, op) == 0) {
      put_int(binary[i].f(a, b));
      return true;
    }
  }
  if (strcmp(op, "divmod") == 0) {
    py_int remainder;
    py_int quotient = py_int_divmod(a, b, &remainder);
    if (failed()) return true;
    write_int(quotient);
    putchar(' ');
    write_int(remainder);
    putchar('\n');
  } else if (strcmp(op, "cmp") == 0) {
    put_i64(py_int_compare(a, b));
  } else if (strcmp(op, "eq") == 0) {
    put_i64(py_int_eq(a, b));
  } else if (strcmp(op, "truediv") == 0) {
    put_f64(py_int_true_divide(a, b));
  } else {
    return false;
  }
  return true;
}

static bool run_unary(const char *op, py_int a) {
  for (size_t i = 0; i < sizeof unary / sizeof unary[0]; i++) {
    if (strcmp(unary[i].name, op) == 0) {
      put_int(unary[i].f(a));
      return true;
    }
  }
  if (strcmp(op, "hash") == 0) {
    put_i64(py_int_hash(a));
  } else if (strcmp(op, "bitlen") == 0) {
    put_i64(py_int_bit_length(a));
  } else if (strcmp(op, "str") == 0) {
    put_str(py_int_to_str(a));
  } else if (strcmp(op, "tof") == 0) {
    put_f64(py_int_to_f64(a));
  } else if (strcmp(op, "toi64") == 0) {
    put_i64(py_int_to_i64(a));
  } else {
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  rt_init(argc, argv, "OverflowError", "integer overflow");
  char *line = NULL;
  size_t capacity = 0;
  while (getline(&line, &capacity, stdin) > 0) {
    char *words[4] = {0};
    int n = 0;
    for (char *word = strtok(line, " \n"); word != NULL && n < 4; word = strtok(NULL, " \n")) words[n++] = word;
    if (n == 0) continue;
    const char *op = words[0];
    bool known = true;
    if (strcmp(op, "powmod") == 0 && n == 4) {
      py_int a = read_int(words[1]), b = read_int(words[2]), c = read_int(words[3]);
      put_int(py_int_pow_mod(a, b, c));
      py_int_release(a);
      py_int_release(b);
      py_int_release(c);
    } else if (strcmp(op, "fromf") == 0 && n == 2) {
      put_int(py_int_from_f64(f64(words[1])));
    } else if (strcmp(op, "format") == 0 && n == 3) {
      py_int a = read_int(words[1]);
      rt_str *spec = from_hex(words[2]);
      put_str(py_int_format(a, spec));
      rt_str_decref(spec);
      py_int_release(a);
    } else if (strcmp(op, "parse") == 0 && n == 3) {
      rt_str *text = from_hex(words[1]);
      put_int(strcmp(words[2], "d") == 0 ? py_int_from_str(text) : py_int_from_str_base(text, atoll(words[2])));
      rt_str_decref(text);
    } else if (n == 3) {
      py_int a = read_int(words[1]), b = read_int(words[2]);
      known = run_binary(op, a, b);
      py_int_release(a);
      py_int_release(b);
    } else if (n == 2) {
      py_int a = read_int(words[1]);
      known = run_unary(op, a);
      py_int_release(a);
    } else {
      known = false;
    }
    if (!known) printf("?command %s\n", op);
  }
  free(line);
  fflush(stdout);
  return rt_shutdown();
}
