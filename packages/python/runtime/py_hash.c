/* CPython 3.11's hash values (py_hash.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py_hash.h"

/* CPython's _PyHASH_BITS and _PyHASH_MODULUS (2^61 - 1, a Mersenne prime) on 64-bit machines. */
#define HASH_BITS 61
#define MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159
#define HASH_NAN 0

static inline int64_t not_minus_one(int64_t hash) { return hash == -1 ? -2 : hash; }

int64_t py_hash_i64(int64_t x) {
  /* The magnitude as unsigned: -INT64_MIN does not fit in an int64_t. */
  uint64_t magnitude = x < 0 ? -(uint64_t)x : (uint64_t)x;
  int64_t reduced = (int64_t)(magnitude % MODULUS);
  return not_minus_one(x < 0 ? -reduced : reduced);
}

/* _Py_HashDouble: the float's exact value modulo 2^61 - 1, taken 28 bits of mantissa at a time, so
   that x == n implies hash(x) == hash(n) for every int n. */
int64_t py_hash_f64(double x) {
  if (!isfinite(x)) return isinf(x) ? (x > 0 ? HASH_INF : -HASH_INF) : HASH_NAN;
  int e;
  double m = frexp(x, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t h = 0;
  while (m != 0) {
    h = ((h << 28) & MODULUS) | h >> (HASH_BITS - 28);
    m *= 268435456.0; /* 2^28 */
    e -= 28;
    uint64_t y = (uint64_t)m;
    m -= (double)y;
    h += y;
    if (h >= MODULUS) h -= MODULUS;
  }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  h = ((h << e) & MODULUS) | h >> (HASH_BITS - e);
  h *= (uint64_t)(int64_t)sign;
  return not_minus_one((int64_t)h);
}

int64_t py_hash_none(void) { return 0xFCA86420; }

/* The widest code point decides CPython's representation: 1, 2 or 4 bytes per code point. */
static int code_unit_bytes(const rt_str *s) {
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
  uint32_t widest = 0;
  while (p < end) {
    uint32_t cp;
    p += rt_utf8_decode(p, &cp);
    if (cp > widest) widest = cp;
  }
  return widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
}

static int64_t str_hash(rt_str *s);

/* Cached in the string, as CPython caches it, except in an immortal string (it may be a read-only
 * constant). A dict or set of strings hashes each key once: word counting's lookups were a tenth
 * hashing. */
int64_t py_hash_str(rt_str *s) {
  if (s->hash != 0) return s->hash;
  int64_t hash = str_hash(s);
  if (s->header.refcount >= 0) s->hash = hash;
  return hash;
}

int64_t py_hash_bytes(const char *data, int64_t size) {
  return size == 0 ? 0 : not_minus_one(rt_hash_bytes(data, (size_t)size));
}

static int64_t str_hash(rt_str *s) {
  if (s->size == 0) return 0;
  /* ASCII: CPython's one byte per code point are the UTF-8 bytes. */
  if (s->size == s->length) return not_minus_one(rt_hash_bytes(s->data, (size_t)s->size));
  int width = code_unit_bytes(s);
  size_t size = (size_t)s->length * (size_t)width;
  unsigned char small[512];
  unsigned char *units = size <= sizeof small ? small : rt_malloc(size);
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
  for (unsigned char *out = units; p < end; out += width) {
    uint32_t cp;
    p += rt_utf8_decode(p, &cp);
    /* Little-endian, as CPython's arrays of code units are on the machines we target. */
    for (int i = 0; i < width; i++) out[i] = (unsigned char)(cp >> (8 * i));
  }
  int64_t hash = rt_hash_bytes(units, size);
  if (units != small) free(units);
  return not_minus_one(hash);
}

/* xxHash's primes and rotation, as tuplehash uses them on 64-bit machines. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

int64_t py_hash_tuple_combine(const int64_t *hashes, int64_t n) {
  uint64_t acc = XXPRIME_5;
  for (int64_t i = 0; i < n; i++) {
    acc += (uint64_t)hashes[i] * XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    acc *= XXPRIME_1;
  }
  /* The length, mangled so that hash(()) keeps its historical value. */
  acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539ULL);
  return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}

int64_t py_hash_frozenset_finish(uint64_t shuffled, int64_t n) {
  uint64_t hash = shuffled ^ ((uint64_t)n + 1) * 1927868237ULL;
  /* Disperses the patterns of nested frozensets. */
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  return hash == (uint64_t)-1 ? 590923713 : (int64_t)hash;
}

int64_t py_hash_frozenset_combine(const int64_t *hashes, int64_t n) {
  uint64_t shuffled = 0;
  for (int64_t i = 0; i < n; i++) shuffled ^= py_hash_frozenset_shuffle(hashes[i]);
  return py_hash_frozenset_finish(shuffled, n);
}
