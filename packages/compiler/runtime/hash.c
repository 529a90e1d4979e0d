/*
 * Hash functions the languages share (hash_table.h): SipHash-1-3 of bytes under the process's key,
 * and a bijective mix of an int64_t.
 *
 * Why SipHash-1-3: tables keyed by text that comes from outside (a request's fields, a file's words)
 * can be attacked with inputs made to collide, which turns every operation linear; a keyed hash
 * whose key the attacker does not know prevents it. SipHash is the keyed hash designed for this,
 * and the 1-3 variant (one round per block instead of two, three final rounds instead of four) is
 * what CPython (3.11) and Rust's HashMap chose for speed on the short keys that dominate, judged
 * strong enough for hash tables. Hashing exactly as CPython does (same function, same key for the
 * same seed) also lets a Python program's hashes of bytes be checked against CPython's.
 *
 * The key is fixed by default (zero, as PYTHONHASHSEED=0 makes CPython's), so that a program's
 * output never depends on its run; TOOLCHAIN_HASH_SEED=random turns the protection on.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "runtime.h"

static uint64_t key0, key1;
static bool key_read;

static inline uint64_t rotate_left(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

static inline uint64_t load_le64(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, sizeof x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  return x;
}

typedef struct sip_state {
  uint64_t v0, v1, v2, v3;
} sip_state;

/* One SipRound: additions, rotations and xors mixing the four lanes. */
static inline void sip_round(sip_state *s) {
  s->v0 += s->v1;
  s->v1 = rotate_left(s->v1, 13);
  s->v1 ^= s->v0;
  s->v0 = rotate_left(s->v0, 32);
  s->v2 += s->v3;
  s->v3 = rotate_left(s->v3, 16);
  s->v3 ^= s->v2;
  s->v0 += s->v3;
  s->v3 = rotate_left(s->v3, 21);
  s->v3 ^= s->v0;
  s->v2 += s->v1;
  s->v1 = rotate_left(s->v1, 17);
  s->v1 ^= s->v2;
  s->v2 = rotate_left(s->v2, 32);
}

/* One message word: xored into v3, one compression round (the "1" of 1-3), xored into v0. */
static inline void sip_absorb(sip_state *s, uint64_t m) {
  s->v3 ^= m;
  sip_round(s);
  s->v0 ^= m;
}

uint64_t rt_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t size) {
  /* The initial lanes are the key xored with the ASCII of "somepseudorandomlygeneratedbytes". */
  sip_state s = {
      k0 ^ UINT64_C(0x736f6d6570736575),
      k1 ^ UINT64_C(0x646f72616e646f6d),
      k0 ^ UINT64_C(0x6c7967656e657261),
      k1 ^ UINT64_C(0x7465646279746573),
  };
  const unsigned char *bytes = data;
  size_t whole = size & ~(size_t)7;
  for (size_t i = 0; i < whole; i += 8) sip_absorb(&s, load_le64(bytes + i));
  /* The last word: the remaining 0-7 bytes, little-endian, with the length's low byte on top. */
  uint64_t last = (uint64_t)size << 56;
  for (size_t i = whole; i < size; i++) last |= (uint64_t)bytes[i] << (8 * (i - whole));
  sip_absorb(&s, last);
  s.v2 ^= 0xff;
  sip_round(&s);
  sip_round(&s);
  sip_round(&s);
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

int64_t rt_hash_bytes(const void *data, size_t size) { return (int64_t)rt_siphash13(key0, key1, data, size); }

int64_t rt_hash_i64(int64_t value) {
  uint64_t x = (uint64_t)value;
  x ^= x >> 33;
  x *= UINT64_C(0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= UINT64_C(0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return (int64_t)x;
}

/* The key CPython derives from a PYTHONHASHSEED of `seed`: bytes from a linear congruential
   generator, each bits 16-23 of the next state; k0 and k1 are the first 16, little-endian. */
static void key_from_seed(uint32_t seed) {
  unsigned char secret[16];
  uint32_t x = seed;
  for (size_t i = 0; i < sizeof secret; i++) {
    x = x * 214013u + 2531011u;
    secret[i] = (unsigned char)((x >> 16) & 0xff);
  }
  key0 = load_le64(secret);
  key1 = load_le64(secret + 8);
}

/* 16 bytes from the kernel; should it refuse, the clock and process id mixed, which still differ
   between runs. */
static void random_key(void) {
  unsigned char secret[16];
  size_t got = 0;
  while (got < sizeof secret) {
    ssize_t n = getrandom(secret + got, sizeof secret - got, 0);
    if (n <= 0) break;
    got += (size_t)n;
  }
  if (got == sizeof secret) {
    key0 = load_le64(secret);
    key1 = load_le64(secret + 8);
    return;
  }
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  key0 = (uint64_t)rt_hash_i64((int64_t)now.tv_nsec ^ ((int64_t)now.tv_sec << 30));
  key1 = (uint64_t)rt_hash_i64((int64_t)getpid() ^ (int64_t)key0);
}

void rt_hash_init(void) {
  if (key_read) return;
  key_read = true;
  const char *setting = getenv("TOOLCHAIN_HASH_SEED");
  if (setting == NULL || setting[0] == '\0') return;
  if (strcmp(setting, "random") == 0) {
    random_key();
    return;
  }
  uint64_t seed = 0;
  for (const char *p = setting; *p != '\0'; p++) {
    if (*p < '0' || *p > '9') return;
    seed = seed * 10 + (uint64_t)(*p - '0');
    if (seed > UINT32_MAX) return;
  }
  if (seed != 0) key_from_seed((uint32_t)seed);
}

void rt_hash_key(uint64_t *k0, uint64_t *k1) {
  *k0 = key0;
  *k1 = key1;
}
