/* The benchmarks-game pidigits, as pidigits.py: Gibbons' spigot on GMP integers, printing the first
   and last lines of ten digits and a checksum of every line. */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  long count = argc > 1 ? atol(argv[1]) : 100;
  long i = 0, k = 0, k1 = 1;
  long long digits = 0, checksum = 0;
  char first[64] = "", last[64] = "";
  mpz_t n, a, d, t, u;
  mpz_init_set_ui(n, 1);
  mpz_init_set_ui(a, 0);
  mpz_init_set_ui(d, 1);
  mpz_init(t);
  mpz_init(u);
  while (i < count) {
    k++;
    mpz_mul_2exp(t, n, 1);
    mpz_mul_ui(n, n, (unsigned long)k);
    mpz_add(a, a, t);
    k1 += 2;
    mpz_mul_ui(a, a, (unsigned long)k1);
    mpz_mul_ui(d, d, (unsigned long)k1);
    if (mpz_cmp(a, n) >= 0) {
      mpz_mul_ui(t, n, 3);
      mpz_add(t, t, a);
      mpz_fdiv_qr(t, u, t, d);
      mpz_add(u, u, n);
      if (mpz_cmp(d, u) > 0) {
        long digit = mpz_get_si(t);
        digits = digits * 10 + digit;
        i++;
        if (i % 10 == 0) {
          snprintf(last, sizeof last, "%010lld\t:%ld", digits, i);
          if (first[0] == '\0') snprintf(first, sizeof first, "%s", last);
          checksum = (checksum * 31 + digits) % 1000000007;
          digits = 0;
        }
        mpz_submul_ui(a, d, (unsigned long)digit);
        mpz_mul_ui(a, a, 10);
        mpz_mul_ui(n, n, 10);
      }
    }
  }
  printf("%s\n%s\nchecksum: %lld\n", first, last, checksum);
  return 0;
}
