/* Port of gcd_sum.py: sum of gcd(i, j) over an N x N square. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int64_t gcd(int64_t a, int64_t b) {
  while (b != 0) {
    int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static int64_t gcd_sum(int64_t n) {
  int64_t total = 0;
  for (int64_t i = 1; i < n + 1; i++) {
    for (int64_t j = 1; j < n + 1; j++) total += gcd(i, j);
  }
  return total;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  printf("%lld\n", (long long)gcd_sum(n));
  return 0;
}
