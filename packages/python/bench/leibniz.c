/* Port of leibniz.py: Leibniz series for pi. */
#include <stdint.h>
#include <stdio.h>

static double leibniz(int64_t terms) {
  double total = 0.0;
  double sign = 1.0;
  for (int64_t k = 0; k < terms; k++) {
    total += sign / (double)(2 * k + 1);
    sign = -sign;
  }
  return 4.0 * total;
}

int main(void) {
  double pi = leibniz(250000000);
  printf("%.12f\n", pi);
  return 0;
}
