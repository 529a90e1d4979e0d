/* The benchmarks-game spectral norm, as spectral_norm.py: power iteration of A^T A on arrays of
   doubles. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_a(long i, long j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void times_a(const double *u, double *out, long n) {
  for (long i = 0; i < n; i++) {
    double total = 0.0;
    for (long j = 0; j < n; j++) total += eval_a(i, j) * u[j];
    out[i] = total;
  }
}

static void times_at(const double *u, double *out, long n) {
  for (long i = 0; i < n; i++) {
    double total = 0.0;
    for (long j = 0; j < n; j++) total += eval_a(j, i) * u[j];
    out[i] = total;
  }
}

static void times_at_a(const double *u, double *out, double *tmp, long n) {
  times_a(u, tmp, n);
  times_at(tmp, out, n);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  long n = atol(argv[1]);
  double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *tmp = malloc(n * sizeof *tmp);
  for (long i = 0; i < n; i++) u[i] = 1.0, v[i] = 0.0, tmp[i] = 0.0;
  for (int k = 0; k < 10; k++) {
    times_at_a(u, v, tmp, n);
    times_at_a(v, u, tmp, n);
  }
  double vbv = 0.0, vv = 0.0;
  for (long i = 0; i < n; i++) {
    vbv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  printf("%.9f\n", sqrt(vbv / vv));
  free(u);
  free(v);
  free(tmp);
  return 0;
}
