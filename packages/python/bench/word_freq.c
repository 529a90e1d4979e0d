/* Word frequencies, as word_freq.py: the same LCG text in one buffer, split in place, counted in an
   open-addressing hash table (FNV-1a, linear probing, grown at half full), ranked with qsort. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char LETTERS[] = "etaoinsh";

struct entry {
  const char *word; /* NULL: an empty slot */
  size_t len;
  long count;
};

static struct entry *table;
static size_t capacity, used;

static uint64_t hash(const char *s, size_t len) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

static void insert(const char *word, size_t len, long count);

static void grow(void) {
  struct entry *old = table;
  size_t old_capacity = capacity;
  capacity = capacity ? capacity * 2 : 1024;
  table = calloc(capacity, sizeof *table);
  used = 0;
  for (size_t i = 0; i < old_capacity; i++)
    if (old[i].word) insert(old[i].word, old[i].len, old[i].count);
  free(old);
}

/* Adds count to the word's entry, making it if needed. */
static void insert(const char *word, size_t len, long count) {
  if (2 * (used + 1) > capacity) grow();
  size_t i = hash(word, len) & (capacity - 1);
  for (; table[i].word; i = (i + 1) & (capacity - 1))
    if (table[i].len == len && memcmp(table[i].word, word, len) == 0) {
      table[i].count += count;
      return;
    }
  table[i] = (struct entry){word, len, count};
  used++;
}

static int by_count_then_word(const void *pa, const void *pb) {
  const struct entry *a = pa, *b = pb;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->word, b->word, n);
  if (c != 0) return c;
  return (a->len > b->len) - (a->len < b->len);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  long n = atol(argv[1]);
  /* At most 5 letters and a separator a word. */
  char *text = malloc(6 * n + 1);
  size_t len = 0;
  uint64_t state = 42;
  for (long w = 0; w < n; w++) {
    if (w > 0) text[len++] = w % 12 == 0 ? '\n' : ' ';
    state = (state * 1103515245 + 12345) % 2147483648u;
    int length = 1 + (state >> 16) % 5;
    for (int c = 0; c < length; c++) {
      state = (state * 1103515245 + 12345) % 2147483648u;
      text[len++] = LETTERS[(state >> 16) % 8];
    }
  }
  text[len] = '\0';

  for (size_t i = 0; i < len;) {
    while (i < len && (text[i] == ' ' || text[i] == '\n')) i++;
    size_t start = i;
    while (i < len && text[i] != ' ' && text[i] != '\n') i++;
    if (i > start) insert(text + start, i - start, 1);
  }

  struct entry *ranked = malloc(used * sizeof *ranked);
  size_t distinct = 0;
  for (size_t i = 0; i < capacity; i++)
    if (table[i].word) ranked[distinct++] = table[i];
  qsort(ranked, distinct, sizeof *ranked, by_count_then_word);
  for (size_t i = 0; i < distinct && i < 10; i++)
    printf("%.*s %ld\n", (int)ranked[i].len, ranked[i].word, ranked[i].count);
  long checksum = 0;
  for (size_t i = 0; i < distinct; i++) checksum = (checksum * 31 + ranked[i].count * (long)ranked[i].len) % 1000000007;
  printf("%zu %zu %ld\n", len, distinct, checksum);
  free(ranked);
  free(table);
  free(text);
  return 0;
}
