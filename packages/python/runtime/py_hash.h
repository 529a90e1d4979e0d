/* CPython's hash values (py_hash.c). */
#ifndef TOOLCHAIN_PY_HASH_H
#define TOOLCHAIN_PY_HASH_H

#include "runtime.h"

int64_t py_hash_i64(int64_t x);
int64_t py_hash_f64(double x);
int64_t py_hash_none(void);
int64_t py_hash_str(rt_str *s);
int64_t py_hash_tuple_combine(const int64_t *hashes, int64_t n);

#endif
