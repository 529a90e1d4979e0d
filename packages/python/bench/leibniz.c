/* Port of leibniz.py: Leibniz series for pi over N terms. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static double leibniz(int64_t terms) {
  double total = 0.0;
  double sign = 1.0;
  for (int64_t k = 0; k < terms; k++) {
    total += sign / (double)(2 * k + 1);
    sign = -sign;
  }
  return 4.0 * total;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  double pi = leibniz(n);
  printf("%.12f\n", pi);
  return 0;
}
