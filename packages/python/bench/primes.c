/* Port of primes.py: counting primes below N by trial division. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static bool is_prime(int64_t n) {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  int64_t d = 3;
  while (d * d <= n) {
    if (n % d == 0) return false;
    d += 2;
  }
  return true;
}

static int64_t count_primes(int64_t limit) {
  int64_t count = 0;
  for (int64_t n = 0; n < limit; n++) {
    if (is_prime(n)) count += 1;
  }
  return count;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  printf("%lld\n", (long long)count_primes(n));
  return 0;
}
