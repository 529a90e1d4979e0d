/* CPython's hash values. Provisional: ints and strings only as CPython for ASCII text. */
#include <math.h>

#include "py_hash.h"

#define MODULUS ((int64_t)((1ULL << 61) - 1))

int64_t py_hash_i64(int64_t x) {
  int64_t r = x % MODULUS;
  return r == -1 ? -2 : r;
}

int64_t py_hash_f64(double x) {
  if (x == floor(x) && fabs(x) < 9.2e18) return py_hash_i64((int64_t)x);
  return (int64_t)(x * 1000003.0);
}

int64_t py_hash_none(void) { return 0xFCA86420; }

int64_t py_hash_str(rt_str *s) {
  if (s->size == 0) return 0;
  int64_t h = rt_hash_bytes(s->data, (size_t)s->size);
  return h == -1 ? -2 : h;
}

int64_t py_hash_tuple_combine(const int64_t *hashes, int64_t n) {
  uint64_t acc = 2870177450012600261ULL;
  for (int64_t i = 0; i < n; i++) {
    acc += (uint64_t)hashes[i] * 14029467366897019727ULL;
    acc = (acc << 31) | (acc >> 33);
    acc *= 11400714785074694791ULL;
  }
  acc += (uint64_t)n ^ (2870177450012600261ULL ^ 3527539UL);
  return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}
