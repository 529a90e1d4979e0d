/* The benchmarks-game fasta, as fasta.py: the ALU repeat and two random sections from its LCG, in
   lines of 60 built in a buffer; each section prints its header, first and last lines and a checksum
   of every line (with the symbol counts of the random sections) instead of the whole FASTA. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IM 139968
#define IA 3877
#define IC 29573
#define WIDTH 60

static const char ALU[] =
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
    "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
    "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
    "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
    "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
    "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
    "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

static long line_checksum(long checksum, const char *line, long len) {
  return (checksum * 31 + len * 1009 + (unsigned char)line[0] * 7 + (unsigned char)line[len - 1]) % 1000000007;
}

static void repeat_fasta(const char *header, const char *src, long n) {
  puts(header);
  long r = (long)strlen(src);
  char *s = malloc(r + WIDTH + 1);
  memcpy(s, src, r);
  memcpy(s + r, src, WIDTH);
  long checksum = 0, pos = 0, length = 0;
  char line[WIDTH + 1] = "";
  for (long start = 0; start < n; start += WIDTH) {
    length = n - start < WIDTH ? n - start : WIDTH;
    memcpy(line, s + pos, length);
    line[length] = '\0';
    if (start == 0) puts(line);
    checksum = line_checksum(checksum, line, length);
    pos = (pos + length) % r;
  }
  puts(line);
  printf("%ld\n", checksum);
  free(s);
}

static long random_fasta(const char *header, const char *symbols, const double *probabilities, int nsymbols, long n,
                         long seed) {
  puts(header);
  double cumulative[16];
  double total = 0.0;
  for (int k = 0; k < nsymbols; k++) cumulative[k] = total += probabilities[k];
  cumulative[nsymbols - 1] = 1.0;
  long counts[16] = {0};
  long checksum = 0;
  char line[WIDTH + 1] = "";
  for (long start = 0; start < n; start += WIDTH) {
    long length = n - start < WIDTH ? n - start : WIDTH;
    for (long c = 0; c < length; c++) {
      seed = (seed * IA + IC) % IM;
      double r = (double)seed / IM;
      int k = 0;
      while (cumulative[k] <= r) k++;
      counts[k]++;
      line[c] = symbols[k];
    }
    line[length] = '\0';
    if (start == 0) puts(line);
    checksum = line_checksum(checksum, line, length);
  }
  puts(line);
  /* As Python prints the list of counts. */
  printf("%ld [", checksum);
  for (int k = 0; k < nsymbols; k++) printf(k ? ", %ld" : "%ld", counts[k]);
  puts("]");
  return seed;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  long n = atol(argv[1]);
  repeat_fasta(">ONE Homo sapiens alu", ALU, 2 * n);
  static const double iub[] = {0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02};
  long seed = random_fasta(">TWO IUB ambiguity codes", "acgtBDHKMNRSVWY", iub, 15, 3 * n, 42);
  static const double homo[] = {0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008};
  random_fasta(">THREE Homo sapiens frequency", "acgt", homo, 4, 5 * n, seed);
  return 0;
}
