/* Port of xorshift.py: Monte Carlo pi from N samples of a 32-bit xorshift generator. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MASK 0xFFFFFFFFLL

static void monte_carlo(int64_t samples, int64_t seed) {
  int64_t state = seed;
  int64_t inside = 0;
  for (int64_t k = 0; k < samples; k++) {
    state ^= (state << 13) & MASK;
    state ^= state >> 17;
    state ^= (state << 5) & MASK;
    int64_t x = state & 0xFFFF;
    int64_t y = state >> 16;
    if (x * x + y * y < 4294836225LL) inside += 1;
  }
  printf("inside: %lld\n", (long long)inside);
  printf("state: %lld\n", (long long)state);
  printf("pi ~ %.6f\n", 4.0 * (double)inside / (double)samples);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  monte_carlo(n, 2463534242LL);
  return 0;
}
