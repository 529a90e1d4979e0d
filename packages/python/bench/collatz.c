/* Port of collatz.py: longest Collatz chain among the starts below N, and the total length. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int64_t chain_length(int64_t n) {
  int64_t steps = 1;
  while (n != 1) {
    if (n % 2 == 0) {
      n = n / 2;
    } else {
      n = 3 * n + 1;
    }
    steps += 1;
  }
  return steps;
}

static void longest_chain(int64_t limit) {
  int64_t best_start = 1;
  int64_t best_length = 1;
  int64_t total_length = 0;
  for (int64_t start = 1; start < limit; start++) {
    int64_t length = chain_length(start);
    total_length += length;
    if (length > best_length) {
      best_start = start;
      best_length = length;
    }
  }
  printf("start: %lld\n", (long long)best_start);
  printf("length: %lld\n", (long long)best_length);
  printf("total length: %lld\n", (long long)total_length);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  longest_chain(n);
  return 0;
}
