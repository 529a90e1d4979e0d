/* Port of mandelbrot.py: escape times on an N x N grid, printed as checksums. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void mandelbrot(int64_t size, int64_t limit) {
  int64_t inside = 0;
  int64_t total_iterations = 0;
  for (int64_t row = 0; row < size; row++) {
    double ci = 2.0 * (double)row / (double)size - 1.0;
    for (int64_t col = 0; col < size; col++) {
      double cr = 2.5 * (double)col / (double)size - 2.0;
      double zr = 0.0;
      double zi = 0.0;
      int64_t i = 0;
      while (i < limit) {
        double zr2 = zr * zr;
        double zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) break;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        i += 1;
      }
      if (i == limit) inside += 1;
      total_iterations += i;
    }
  }
  printf("inside: %lld\n", (long long)inside);
  printf("iterations: %lld\n", (long long)total_iterations);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  mandelbrot(n, 200);
  return 0;
}
