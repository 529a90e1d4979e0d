/* The benchmarks-game fannkuch-redux, as fannkuch_redux.py: every permutation of 0..n-1 in the
   benchmark's order, each flipped until its first element is 0. */
#include <stdio.h>
#include <stdlib.h>

static void fannkuch(int n, long *checksum_out, int *max_flips_out) {
  int *perm1 = malloc(n * sizeof *perm1), *perm = malloc(n * sizeof *perm), *count = malloc(n * sizeof *count);
  for (int i = 0; i < n; i++) perm1[i] = i, perm[i] = 0, count[i] = 0;
  int max_flips = 0, r = n;
  long checksum = 0, perm_count = 0;
  for (;;) {
    while (r != 1) {
      count[r - 1] = r;
      r--;
    }
    for (int i = 0; i < n; i++) perm[i] = perm1[i];
    int flips = 0;
    for (int k = perm[0]; k != 0; k = perm[0]) {
      for (int i = 0, j = k; i < j; i++, j--) {
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      flips++;
    }
    if (flips > max_flips) max_flips = flips;
    checksum += perm_count % 2 == 0 ? flips : -flips;
    for (;;) {
      if (r == n) {
        *checksum_out = checksum;
        *max_flips_out = max_flips;
        free(perm1);
        free(perm);
        free(count);
        return;
      }
      int first = perm1[0];
      for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = first;
      if (--count[r] > 0) break;
      r++;
    }
    perm_count++;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int n = atoi(argv[1]);
  long checksum;
  int max_flips;
  fannkuch(n, &checksum, &max_flips);
  printf("%ld\nPfannkuchen(%d) = %d\n", checksum, n, max_flips);
  return 0;
}
