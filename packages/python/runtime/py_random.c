/*
 * The random module: CPython's Mersenne Twister (Modules/_randommodule.c) and the algorithms of
 * Lib/random.py in 3.11, so that a seeded program draws exactly CPython's numbers. As in CPython the
 * module's functions are methods of one hidden generator seeded from the OS; it is seeded when first
 * used, which no program can tell from seeding at start.
 *
 * Ints are 64-bit: a range wider than int64 is computed in 128 bits, as CPython's big ints would,
 * and only a result that does not fit (getrandbits(64) of 2**63 or more) raises the integer-overflow
 * error.
 */
#include <math.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "py_containers.h"
#include "py_int_internal.h"
#include "py_runtime.h"

enum { N = 624, M = 397 };

static struct {
  uint32_t state[N];
  int index;
  bool seeded;
  /* gauss() makes two values at a time and keeps the second for the next call. */
  bool has_gauss_next;
  double gauss_next;
} gen;

/* ---- MT19937, as _randommodule.c ------------------------------------------------------------ */

static void init_genrand(uint32_t s) {
  gen.state[0] = s;
  for (int i = 1; i < N; i++) gen.state[i] = 1812433253U * (gen.state[i - 1] ^ (gen.state[i - 1] >> 30)) + (uint32_t)i;
  gen.index = N;
}

static void init_by_array(const uint32_t *key, size_t length) {
  init_genrand(19650218U);
  size_t i = 1, j = 0;
  for (size_t k = N > length ? N : length; k; k--) {
    gen.state[i] = (gen.state[i] ^ ((gen.state[i - 1] ^ (gen.state[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
    i++;
    j++;
    if (i >= N) {
      gen.state[0] = gen.state[N - 1];
      i = 1;
    }
    if (j >= length) j = 0;
  }
  for (size_t k = N - 1; k; k--) {
    gen.state[i] = (gen.state[i] ^ ((gen.state[i - 1] ^ (gen.state[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
    i++;
    if (i >= N) {
      gen.state[0] = gen.state[N - 1];
      i = 1;
    }
  }
  gen.state[0] = 0x80000000U;
  gen.seeded = true;
  gen.has_gauss_next = false;
}

void py_random_seed_os(void) {
  uint32_t key[N];
  size_t got = 0;
  while (got < sizeof key) {
    ssize_t n = getrandom((char *)key + got, sizeof key - got, 0);
    if (n <= 0) break;
    got += (size_t)n;
  }
  if (got < sizeof key) {
    /* CPython's random_seed_time_pid, for a kernel that refuses. */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    key[0] = (uint32_t)now.tv_sec ^ (uint32_t)now.tv_nsec;
    key[1] = (uint32_t)getpid();
    clock_gettime(CLOCK_MONOTONIC, &now);
    key[2] = (uint32_t)now.tv_nsec;
    key[3] = (uint32_t)now.tv_sec;
    init_by_array(key, 4);
    return;
  }
  init_by_array(key, N);
}

static uint32_t genrand_uint32(void) {
  static const uint32_t mag01[2] = {0, 0x9908b0dfU};
  if (!gen.seeded) py_random_seed_os();
  if (gen.index >= N) {
    int k = 0;
    uint32_t y;
    for (; k < N - M; k++) {
      y = (gen.state[k] & 0x80000000U) | (gen.state[k + 1] & 0x7fffffffU);
      gen.state[k] = gen.state[k + M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; k < N - 1; k++) {
      y = (gen.state[k] & 0x80000000U) | (gen.state[k + 1] & 0x7fffffffU);
      gen.state[k] = gen.state[k + (M - N)] ^ (y >> 1) ^ mag01[y & 1];
    }
    y = (gen.state[N - 1] & 0x80000000U) | (gen.state[0] & 0x7fffffffU);
    gen.state[N - 1] = gen.state[M - 1] ^ (y >> 1) ^ mag01[y & 1];
    gen.index = 0;
  }
  uint32_t y = gen.state[gen.index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

/* random_seed for an int: the 32-bit chunks of abs(n), least significant first; 0 is one chunk. */
void py_random_seed(int64_t n) {
  uint64_t magnitude = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
  uint32_t key[2] = {(uint32_t)magnitude, (uint32_t)(magnitude >> 32)};
  init_by_array(key, key[1] != 0 ? 2 : 1);
}

double py_random_random(void) {
  uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k): 32-bit words least significant first, the last one's top bits. Of the bits from
   128 up only whether any is set is kept, in *beyond. */
static unsigned __int128 random_bits(int64_t k, bool *beyond) {
  unsigned __int128 r = 0;
  for (int64_t shift = 0; shift < k; shift += 32) {
    uint32_t word = genrand_uint32();
    if (k - shift < 32) word >>= 32 - (k - shift);
    if (shift < 128) r |= (unsigned __int128)word << shift;
    else if (word != 0) *beyond = true;
  }
  return r;
}

/* getrandbits(k) of any size: the same words as random_bits, least significant first. */
py_int py_random_getrandbits(int64_t k) {
  if (k < 0) {
    rt_raise("ValueError", "number of bits must be non-negative");
    return 0;
  }
  if (k <= 62) {
    bool beyond = false;
    return py_int_from_i64((int64_t)random_bits(k, &beyond));
  }
  size_t count = (size_t)((k + 31) / 32);
  uint32_t *words = malloc(count * sizeof *words);
  if (words == NULL) rt_out_of_memory();
  for (size_t i = 0; i < count; i++) {
    int64_t left = k - (int64_t)i * 32;
    uint32_t word = genrand_uint32();
    words[i] = left < 32 ? word >> (32 - left) : word;
  }
  mpz_t value;
  mpz_init(value);
  mpz_import(value, count, -1, sizeof *words, 0, 0, words);
  free(words);
  return py_int_from_mpz(value);
}

/* _randbelow_with_getrandbits for 0 < n <= 2**64. */
static uint64_t below(unsigned __int128 n) {
  int k = n >> 64 != 0 ? 65 : 64 - __builtin_clzll((uint64_t)n);
  bool beyond = false;
  unsigned __int128 r = random_bits(k, &beyond);
  while (r >= n) r = random_bits(k, &beyond);
  return (uint64_t)r;
}

int64_t py_random_below(int64_t n) {
  if (n <= 0) {
    rt_raise("ValueError", "_randbelow() needs a positive bound");
    return 0;
  }
  return (int64_t)below((unsigned __int128)n);
}

int64_t py_random_choice_index(int64_t n) {
  if (n <= 0) {
    rt_raise("IndexError", "Cannot choose from an empty sequence");
    return 0;
  }
  return (int64_t)below((unsigned __int128)n);
}

int64_t py_random_randrange_stop(int64_t stop) {
  if (stop <= 0) {
    rt_raise("ValueError", "empty range for randrange()");
    return 0;
  }
  return (int64_t)below((uint64_t)stop);
}

/* Decimal digits of a 128-bit int into out (at least 41 bytes). */
static const char *format_i128(__int128 x, char *out) {
  char digits[40];
  int n = 0;
  unsigned __int128 magnitude = x < 0 ? -(unsigned __int128)x : (unsigned __int128)x;
  do digits[n++] = (char)('0' + (int)(magnitude % 10)); while ((magnitude /= 10) != 0);
  char *p = out;
  if (x < 0) *p++ = '-';
  while (n > 0) *p++ = digits[--n];
  *p = '\0';
  return out;
}

/* randrange(start, stop, step), with the width and count in 128 bits as CPython's ints. */
static int64_t randrange(int64_t start, __int128 stop, int64_t step) {
  __int128 width = stop - start;
  if (step == 1) {
    if (width > 0) return (int64_t)(start + (__int128)below((unsigned __int128)width));
    char stop_text[48], width_text[48];
    rt_raisef("ValueError", "empty range for randrange() (%lld, %s, %s)", (long long)start,
              format_i128(stop, stop_text), format_i128(width, width_text));
    return 0;
  }
  if (step == 0) {
    rt_raise("ValueError", "zero step for randrange()");
    return 0;
  }
  /* Python's floor division of width + step -/+ 1 by step. */
  __int128 numerator = step > 0 ? width + step - 1 : width + step + 1;
  __int128 n = numerator / step - ((numerator % step != 0) && ((numerator < 0) != (step < 0)));
  if (n <= 0) {
    rt_raise("ValueError", "empty range for randrange()");
    return 0;
  }
  return (int64_t)(start + (__int128)step * (__int128)below((unsigned __int128)n));
}

int64_t py_random_randrange(int64_t start, int64_t stop, int64_t step) { return randrange(start, stop, step); }

int64_t py_random_randint(int64_t a, int64_t b) { return randrange(a, (__int128)b + 1, 1); }

double py_random_uniform(double a, double b) { return a + (b - a) * py_random_random(); }

double py_random_gauss(double mu, double sigma) {
  double z;
  if (gen.has_gauss_next) {
    z = gen.gauss_next;
    gen.has_gauss_next = false;
  } else {
    double x2pi = py_random_random() * (2.0 * M_PI);
    double g2rad = sqrt(-2.0 * log(1.0 - py_random_random()));
    z = cos(x2pi) * g2rad;
    gen.gauss_next = sin(x2pi) * g2rad;
    gen.has_gauss_next = true;
  }
  return mu + z * sigma;
}

double py_random_expovariate(double lambd) {
  double u = py_random_random();
  if (lambd == 0.0) {
    rt_raise("ZeroDivisionError", "float division by zero");
    return 0.0;
  }
  return -log(1.0 - u) / lambd;
}

/* triangular(low, high, mode); c is 0.5 without a mode. */
static double triangular(double low, double high, double c) {
  double u = py_random_random();
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    double t = low;
    low = high;
    high = t;
  }
  return low + (high - low) * sqrt(u * c);
}

double py_random_triangular(double low, double high) { return triangular(low, high, 0.5); }

double py_random_triangular_mode(double low, double high, double mode) {
  /* CPython returns low when high == low: (mode - low) / 0 raises ZeroDivisionError, caught. */
  if (high - low == 0.0) {
    py_random_random();
    return low;
  }
  return triangular(low, high, (mode - low) / (high - low));
}

/* ---- what the container functions build on --------------------------------------------------- */

/* sample(range(n), k): the indexes it picks, in order, by the pool or the set method as
   Lib/random.py chooses between them. */
bool py_random_sample_indexes(int64_t n, int64_t k, int64_t *out) {
  if (k < 0 || k > n) {
    rt_raise("ValueError", "Sample larger than population or is negative");
    return false;
  }
  double setsize = 21;
  if (k > 5) setsize += pow(4.0, ceil(log((double)k * 3) / log(4.0)));
  if ((double)n <= setsize) {
    int64_t *pool = rt_malloc(sizeof *pool * (size_t)n);
    for (int64_t i = 0; i < n; i++) pool[i] = i;
    for (int64_t i = 0; i < k; i++) {
      int64_t j = (int64_t)below((uint64_t)(n - i));
      out[i] = pool[j];
      pool[j] = pool[n - i - 1];
    }
    free(pool);
    return true;
  }
  rt_hash_table selected;
  rt_hash_table_init(&selected, sizeof(int64_t), 0);
  for (int64_t i = 0; i < k; i++) {
    int64_t j;
    bool inserted;
    do {
      j = (int64_t)below((unsigned __int128)n);
      rt_hash_table_find_or_insert(&selected, rt_hash_i64(j), &j, NULL, NULL, &inserted);
    } while (!inserted);
    out[i] = j;
  }
  rt_hash_table_free(&selected);
  return true;
}

/* shuffle(x) of the n items x: for i in reversed(range(1, n)), x[i] swapped with x[randbelow(i + 1)]. */
void py_random_shuffle_indexes(int64_t n, int64_t *x) {
  for (int64_t i = n - 1; i >= 1; i--) {
    int64_t j = (int64_t)below((uint64_t)(i + 1));
    int64_t t = x[i];
    x[i] = x[j];
    x[j] = t;
  }
}

/* ---- on lists (py_containers.h) -------------------------------------------------------------- */

void py_random_shuffle_list(py_list *list) {
  int64_t n = list->items.length;
  int64_t *order = malloc((size_t)(n > 0 ? n : 1) * sizeof *order);
  if (order == NULL) rt_out_of_memory();
  for (int64_t i = 0; i < n; i++) order[i] = py_list_word(list, i);
  py_random_shuffle_indexes(n, order);
  /* The words were shuffled as CPython shuffles the items; put them back in that order. */
  for (int64_t i = 0; i < n; i++) py_list_put_word(list, i, order[i]);
  free(order);
}

py_list *py_random_sample_list(py_list *population, int64_t k) {
  int64_t n = population->items.length;
  int64_t *chosen = malloc((size_t)(k > 0 ? k : 1) * sizeof *chosen);
  if (chosen == NULL) rt_out_of_memory();
  py_list *result = py_list_new(population->kind, k > 0 ? k : 0);
  if (py_random_sample_indexes(n, k, chosen)) {
    for (int64_t i = 0; i < k; i++) {
      int64_t word = py_list_word(population, chosen[i]);
      py_list_append_word(result, word);
    }
  }
  free(chosen);
  return result;
}
