/* Port of tak.py: the Takeuchi function, summed over tak(N + i % 2, 2N / 3, N / 3). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int64_t tak(int64_t x, int64_t y, int64_t z) {
  if (y < x) return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
  return z;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  int64_t total = 0;
  for (int64_t i = 0; i < 80; i++) total += tak(n + i % 2, 2 * n / 3, n / 3);
  printf("%lld\n", (long long)total);
  return 0;
}
