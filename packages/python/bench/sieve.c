/* The sieve of Eratosthenes, as sieve.py, on an array of N + 1 bools. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  long n = atol(argv[1]);
  bool *is_prime = malloc(n + 1);
  for (long k = 0; k <= n; k++) is_prime[k] = true;
  is_prime[0] = is_prime[1] = false;
  for (long i = 2; i * i <= n; i++)
    if (is_prime[i])
      for (long j = i * i; j <= n; j += i) is_prime[j] = false;
  long count = 0, checksum = 0;
  for (long k = 0; k <= n; k++)
    if (is_prime[k]) {
      count++;
      checksum = (checksum * 31 + k) % 1000000007;
    }
  printf("%ld %ld\n", count, checksum);
  free(is_prime);
  return 0;
}
