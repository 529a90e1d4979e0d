/*
 * What the runtime's files about int share beyond py_runtime.h: the big int object around GMP's
 * mpz_t, a read-only mpz view of any py_int (a small one costs no allocation), and the one
 * constructor every result goes through, which keeps the normalisation invariant. Emitted code never
 * sees any of it: to the compiler an int is the tagged word.
 */
#ifndef TOOLCHAIN_PY_INT_INTERNAL_H
#define TOOLCHAIN_PY_INT_INTERNAL_H

#include <gmp.h>

#include "py_runtime.h"

typedef struct py_big {
  rt_object header;
  mpz_t value; /* outside [PY_INT_SMALL_MIN, PY_INT_SMALL_MAX] */
} py_big;

static inline int64_t py_int_small_value(py_int x) { return x >> 1; }
static inline mpz_srcptr py_int_big_value(py_int x) { return ((py_big *)(intptr_t)(x - 1))->value; }

/* Room for reading a small int as an mpz: its one limb lives here, so the view needs no clearing. */
typedef struct py_int_view {
  mpz_t z;
  mp_limb_t limb;
} py_int_view;

/* x as an mpz to read, valid while x and the view live. */
mpz_srcptr py_int_view_of(py_int x, py_int_view *view);
/* The int of an initialised mpz, which it takes over (clearing it, or moving it into a big int). */
py_int py_int_from_mpz(mpz_ptr value);
/* GMP's operation on two ints' values, as a normalised int. */
py_int py_int_gmp_binary(py_int a, py_int b, void (*operation)(mpz_ptr, mpz_srcptr, mpz_srcptr));
/* Raises MemoryError, as CPython does when it cannot allocate a result of that size, for results of
 * more than PY_INT_MAX_BITS bits (GMP's own limit is near, and a failed allocation there aborts). */
bool py_int_bits_fit(double bits);
#define PY_INT_MAX_BITS ((double)INT32_MAX * GMP_NUMB_BITS)

/* CPython 3.11's limit on decimal digits of int <-> str conversions (sys.get_int_max_str_digits()). */
#define PY_INT_MAX_STR_DIGITS 4300

/* The digits of |x| in `base` (2 to 36, lower case; malloc'd), or NULL after raising CPython's
 * ValueError for a decimal conversion of more than PY_INT_MAX_STR_DIGITS digits. */
char *py_int_magnitude_digits(py_int x, int base);

#endif
