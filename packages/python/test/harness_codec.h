/*
 * The wire format the differential harnesses (runtime_harness.c, big_int_harness.c) share with their
 * CPython referees: strings travel as hex of their UTF-8 bytes ("-" for the empty string), floats as
 * hex of their IEEE bits, and a raised error prints as "!Kind: message" instead of the result.
 */
#ifndef TOOLCHAIN_HARNESS_CODEC_H
#define TOOLCHAIN_HARNESS_CODEC_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_runtime.h"

static rt_str *from_hex(const char *hex) {
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

static double f64(const char *hex) {
  uint64_t bits = strtoull(hex, NULL, 16);
  double x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

static void put_hex(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) printf("%02x", (unsigned char)p[i]);
  printf("\n");
}

/* Prints the pending error, if any, as the result, and clears it. */
static bool failed(void) {
  if (!rt_error_pending) return false;
  printf("!%s: %s\n", rt_error_kind(), rt_error_message());
  rt_error_clear();
  return true;
}

static void put_f64(double x) {
  if (failed()) return;
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  printf("%016llx\n", (unsigned long long)bits);
}

static void put_i64(int64_t x) {
  if (!failed()) printf("%lld\n", (long long)x);
}

#endif
