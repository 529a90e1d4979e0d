/* Port of tak.py: the Takeuchi function. */
#include <stdint.h>
#include <stdio.h>

static int64_t tak(int64_t x, int64_t y, int64_t z) {
  if (y < x) return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
  return z;
}

int main(void) {
  int64_t total = 0;
  for (int64_t i = 0; i < 80; i++) total += tak(24 + i % 2, 16, 8);
  printf("%lld\n", (long long)total);
  return 0;
}
