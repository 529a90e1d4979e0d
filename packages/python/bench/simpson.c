/* Port of simpson.py: Simpson's rule with sin and exp over N intervals. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static double integrand(double x) { return sin(x) * exp(-x / 5.0) + x * x / 100.0; }

static double simpson(double a, double b, int64_t n) {
  double h = (b - a) / (double)n;
  double total = integrand(a) + integrand(b);
  for (int64_t i = 1; i < n; i++) {
    double x = a + (double)i * h;
    if (i % 2 == 1) {
      total += 4.0 * integrand(x);
    } else {
      total += 2.0 * integrand(x);
    }
  }
  return total * h / 3.0;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  printf("%.12f\n", simpson(0.0, 10.0, n));
  return 0;
}
