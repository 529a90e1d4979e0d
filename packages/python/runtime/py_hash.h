/*
 * CPython 3.11's hash values (py_hash.c), so that sets and dicts lay their tables out as CPython's
 * do and print in the same order, and hash() prints the same numbers.
 *
 * As CPython's, no hash is ever -1 (CPython's error code; -1 becomes -2). str hashes are SipHash-1-3
 * under the process's key (hash_table.h: TOOLCHAIN_HASH_SEED set to N gives CPython's hashes under
 * PYTHONHASHSEED=N); the others are not keyed.
 */
#ifndef TOOLCHAIN_PY_HASH_H
#define TOOLCHAIN_PY_HASH_H

#include "runtime.h"

/* hash(int): the value modulo 2^61 - 1, keeping its sign (Objects/longobject.c long_hash). */
int64_t py_hash_i64(int64_t x);
/* hash(float) (Python/pyhash.c _Py_HashDouble): an integral float hashes as the int; infinities
   +-314159. NaN: 0, CPython 3.9's value (3.10 and later hash a NaN by its object's address, which
   an unboxed float does not have; any value is as good as CPython's, which changes per run). */
int64_t py_hash_f64(double x);
/* hash(None): CPython 3.12's constant (3.11 hashes None by its address, which changes per run). */
int64_t py_hash_none(void);
/* hash(str): SipHash-1-3 of CPython's PEP 393 form of the text (one byte per code point when all
   are below 256, else two or four bytes, little-endian); 0 for the empty string. Not cached. */
int64_t py_hash_str(rt_str *s);
/* hash(bytes): SipHash-1-3 of the bytes, as a str of the same code points (0 when empty). */
int64_t py_hash_bytes(const char *data, int64_t size);
/* hash(tuple) from the hashes of its elements (Objects/tupleobject.c tuplehash, xxHash's rounds). */
int64_t py_hash_tuple_combine(const int64_t *hashes, int64_t n);
/* hash(frozenset) from the hashes of its elements, in any order (Objects/setobject.c
   frozenset_hash). */
int64_t py_hash_frozenset_combine(const int64_t *hashes, int64_t n);
/* The same in steps, for a set that walks its own table: the xor of py_hash_frozenset_shuffle over
   the elements' hashes, then finished with their number. */
static inline uint64_t py_hash_frozenset_shuffle(int64_t hash) {
  uint64_t h = (uint64_t)hash;
  return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}
int64_t py_hash_frozenset_finish(uint64_t shuffled, int64_t n);

#endif
