/*
 * Drives Python's runtime library (and the core functions it builds on) in bulk for the differential
 * tests in runtime.test.ts: reads one command per line from stdin, writes one result line per command.
 * Strings travel as hex of their UTF-8 bytes and floats as hex of their IEEE bits, so nothing is
 * lost on the way; a raised error prints as "!Kind: message".
 *
 *   repr F | str S | format_f F SPEC | format_i I SPEC | format_b B SPEC | format_s S SPEC
 *   int S | int_base S BASE | float S | f2i F | round F | round_f F N | round_i I N   (ints in decimal)
 *   floordiv F F | mod F F | pow F F | ipow I I | powmod I I I | truediv I I | cmp_if I F
 *   math1 NAME F | math2 NAME F F
 *   mathi NAME I... | math_toint NAME F
 *   random (one generator, in order): rseed I | rrandom | rbits K | rbelow N | rchoice N | rrange1 I
 *   | rrange I I I | rint I I | runiform F F | rgauss F F | rexpo F | rtri F F | rtrim F F F
 *   | rsample N K | rshuffle N   (a sample or shuffle prints its indexes separated by spaces)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness_codec.h"

/* An int result in decimal (as the referee's str()), released. */
static void put_int(py_int x) {
  if (failed()) return;
  rt_str *text = py_int_to_str(x);
  py_int_release(x);
  if (failed()) return;
  printf("%s\n", text->data);
  rt_str_decref(text);
}

/* The int functions on 64-bit arguments, which are released after the call. */
static py_int int_function_1(py_int (*function)(py_int), int64_t a) {
  py_int x = py_int_from_i64(a);
  py_int result = function(x);
  py_int_release(x);
  return result;
}

static py_int int_function_2(py_int (*function)(py_int, py_int), int64_t a, int64_t b) {
  py_int x = py_int_from_i64(a), y = py_int_from_i64(b);
  py_int result = function(x, y);
  py_int_release(x);
  py_int_release(y);
  return result;
}

static rt_str *with_int(rt_str *(*function)(py_int, rt_str *), int64_t a, rt_str *s) {
  py_int x = py_int_from_i64(a);
  rt_str *result = function(x, s);
  py_int_release(x);
  return result;
}

static const struct {
  const char *name;
  double (*f)(double);
} math1[] = {
    {"sqrt", py_math_sqrt},   {"exp", py_math_exp},         {"exp2", py_math_exp2},       {"expm1", py_math_expm1},
    {"log", py_math_log},     {"log2", py_math_log2},       {"log10", py_math_log10},     {"log1p", py_math_log1p},
    {"sin", py_math_sin},     {"cos", py_math_cos},         {"tan", py_math_tan},         {"asin", py_math_asin},
    {"acos", py_math_acos},   {"atan", py_math_atan},       {"sinh", py_math_sinh},       {"cosh", py_math_cosh},
    {"tanh", py_math_tanh},   {"asinh", py_math_asinh},     {"acosh", py_math_acosh},     {"atanh", py_math_atanh},
    {"cbrt", py_math_cbrt},   {"erf", py_math_erf},         {"erfc", py_math_erfc},       {"fabs", py_math_fabs},
    {"degrees", py_math_degrees}, {"radians", py_math_radians}, {"gamma", py_math_gamma}, {"lgamma", py_math_lgamma},
    {"ulp", py_math_ulp},
};

static const struct {
  const char *name;
  double (*f)(double, double);
} math2[] = {
    {"atan2", py_math_atan2}, {"copysign", py_math_copysign}, {"hypot", py_math_hypot},
    {"fmod", py_math_fmod},   {"pow", py_math_pow},           {"log", py_math_log_base},
    {"nextafter", py_math_nextafter},
};

static void put_str(rt_str *s) {
  if (!failed()) put_hex(s->data, (size_t)s->size);
}

static int64_t i64(const char *decimal) { return strtoll(decimal, NULL, 10); }

static void put_indexes(const int64_t *x, int64_t n) {
  for (int64_t i = 0; i < n; i++) printf(i == 0 ? "%lld" : " %lld", (long long)x[i]);
  printf("\n");
}

/* The random module's commands; false for any other command. */
static bool random_command(const char *a, const char *b, const char *c, const char *d) {
  if (strcmp(a, "rseed") == 0) {
    py_random_seed(i64(b));
    printf("ok\n");
  } else if (strcmp(a, "rrandom") == 0) {
    put_f64(py_random_random());
  } else if (strcmp(a, "rbits") == 0) {
    put_int(py_random_getrandbits(i64(b)));
  } else if (strcmp(a, "rbelow") == 0) {
    put_i64(py_random_below(i64(b)));
  } else if (strcmp(a, "rchoice") == 0) {
    put_i64(py_random_choice_index(i64(b)));
  } else if (strcmp(a, "rrange1") == 0) {
    put_i64(py_random_randrange_stop(i64(b)));
  } else if (strcmp(a, "rrange") == 0) {
    put_i64(py_random_randrange(i64(b), i64(c), i64(d)));
  } else if (strcmp(a, "rint") == 0) {
    put_i64(py_random_randint(i64(b), i64(c)));
  } else if (strcmp(a, "runiform") == 0) {
    put_f64(py_random_uniform(f64(b), f64(c)));
  } else if (strcmp(a, "rgauss") == 0) {
    put_f64(py_random_gauss(f64(b), f64(c)));
  } else if (strcmp(a, "rexpo") == 0) {
    put_f64(py_random_expovariate(f64(b)));
  } else if (strcmp(a, "rtri") == 0) {
    put_f64(py_random_triangular(f64(b), f64(c)));
  } else if (strcmp(a, "rtrim") == 0) {
    put_f64(py_random_triangular_mode(f64(b), f64(c), f64(d)));
  } else if (strcmp(a, "rsample") == 0) {
    int64_t k = i64(c);
    int64_t *out = malloc(sizeof *out * (size_t)(k > 0 ? k : 1));
    if (py_random_sample_indexes(i64(b), k, out)) put_indexes(out, k);
    else failed();
    free(out);
  } else if (strcmp(a, "rshuffle") == 0) {
    int64_t n = i64(b);
    int64_t *x = malloc(sizeof *x * (size_t)(n > 0 ? n : 1));
    for (int64_t i = 0; i < n; i++) x[i] = i;
    py_random_shuffle_indexes(n, x);
    put_indexes(x, n);
    free(x);
  } else {
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  rt_init(argc, argv, NULL, NULL);
  char line[1 << 16];
  char a[1 << 15], b[1 << 15], c[1 << 15], d[1 << 15];
  while (fgets(line, sizeof line, stdin) != NULL) {
    a[0] = b[0] = c[0] = d[0] = '\0';
    int n = sscanf(line, "%s %s %s %s", a, b, c, d);
    if (n <= 0) continue;
    if (strcmp(a, "repr") == 0) {
      char text[40];
      put_hex(text, (size_t)py_float_repr(f64(b), text));
    } else if (strcmp(a, "str") == 0) {
      put_str(py_str_repr(from_hex(b)));
    } else if (strcmp(a, "format_f") == 0) {
      put_str(py_format_f64(f64(b), from_hex(c)));
    } else if (strcmp(a, "format_i") == 0) {
      put_str(with_int(py_int_format, strtoll(b, NULL, 10), from_hex(c)));
    } else if (strcmp(a, "format_b") == 0) {
      put_str(py_format_bool(strcmp(b, "1") == 0, from_hex(c)));
    } else if (strcmp(a, "format_s") == 0) {
      put_str(py_format_str(from_hex(b), from_hex(c)));
    } else if (strcmp(a, "int") == 0) {
      put_int(py_int_from_str(from_hex(b)));
    } else if (strcmp(a, "int_base") == 0) {
      put_int(py_int_from_str_base(from_hex(b), strtoll(c, NULL, 10)));
    } else if (strcmp(a, "float") == 0) {
      put_f64(py_str_to_f64(from_hex(b)));
    } else if (strcmp(a, "f2i") == 0) {
      put_int(py_int_from_f64(f64(b)));
    } else if (strcmp(a, "round") == 0) {
      put_int(py_f64_round_to_int(f64(b)));
    } else if (strcmp(a, "round_f") == 0) {
      put_f64(py_f64_round_digits(f64(b), strtoll(c, NULL, 10)));
    } else if (strcmp(a, "round_i") == 0) {
      py_int x = py_int_from_i64(strtoll(b, NULL, 10));
      put_int(py_int_round_digits(x, strtoll(c, NULL, 10)));
      py_int_release(x);
    } else if (strcmp(a, "floordiv") == 0) {
      put_f64(rt_f64_floordiv(f64(b), f64(c)));
    } else if (strcmp(a, "mod") == 0) {
      put_f64(rt_f64_mod(f64(b), f64(c)));
    } else if (strcmp(a, "pow") == 0) {
      put_f64(py_f64_pow(f64(b), f64(c)));
    } else if (strcmp(a, "ipow") == 0) {
      put_int(int_function_2(py_int_pow, strtoll(b, NULL, 10), strtoll(c, NULL, 10)));
    } else if (strcmp(a, "truediv") == 0) {
      py_int x = py_int_from_i64(strtoll(b, NULL, 10)), y = py_int_from_i64(strtoll(c, NULL, 10));
      put_f64(py_int_true_divide(x, y));
      py_int_release(x);
      py_int_release(y);
    } else if (strcmp(a, "cmp_if") == 0) {
      put_i64(rt_compare_i64_f64(strtoll(b, NULL, 10), f64(c)));
    } else if (strcmp(a, "powmod") == 0) {
      py_int x = py_int_from_i64(strtoll(b, NULL, 10)), y = py_int_from_i64(strtoll(c, NULL, 10));
      py_int m = py_int_from_i64(strtoll(d, NULL, 10));
      put_int(py_int_pow_mod(x, y, m));
      py_int_release(x);
      py_int_release(y);
      py_int_release(m);
    } else if (strcmp(a, "math1") == 0) {
      bool found = false;
      for (size_t i = 0; i < sizeof math1 / sizeof math1[0]; i++) {
        if (strcmp(math1[i].name, b) == 0) {
          put_f64(math1[i].f(f64(c)));
          found = true;
        }
      }
      if (!found) printf("?unknown %s\n", b);
    } else if (strcmp(a, "math2") == 0) {
      bool found = false;
      for (size_t i = 0; i < sizeof math2 / sizeof math2[0]; i++) {
        if (strcmp(math2[i].name, b) == 0) {
          put_f64(math2[i].f(f64(c), f64(d)));
          found = true;
        }
      }
      if (!found) printf("?unknown %s\n", b);
    } else if (strcmp(a, "math_toint") == 0) {
      double x = f64(c);
      put_int(strcmp(b, "floor") == 0 ? py_math_floor(x) : strcmp(b, "ceil") == 0 ? py_math_ceil(x) : py_math_trunc(x));
    } else if (strcmp(a, "mathi") == 0) {
      int64_t x = strtoll(c, NULL, 10), y = strtoll(d, NULL, 10);
      if (strcmp(b, "gcd") == 0) put_int(int_function_2(py_int_gcd, x, y));
      else if (strcmp(b, "lcm") == 0) put_int(int_function_2(py_int_lcm, x, y));
      else if (strcmp(b, "factorial") == 0) put_int(int_function_1(py_int_factorial, x));
      else if (strcmp(b, "isqrt") == 0) put_int(int_function_1(py_int_isqrt, x));
      else if (strcmp(b, "comb") == 0) put_int(int_function_2(py_int_comb, x, y));
      else if (strcmp(b, "perm") == 0) put_int(int_function_2(py_int_perm, x, y));
      else printf("?unknown %s\n", b);
    } else if (!random_command(a, b, c, d)) {
      printf("?command %s\n", a);
    }
  }
  rt_stdout_flush();
  fflush(stdout);
  return 0;
}
