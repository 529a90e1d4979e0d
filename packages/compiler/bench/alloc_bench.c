/*
 * npm run bench:alloc: the C side of alloc_bench.ir, the same work with malloc and free.
 *
 *   alloc_bench N K   K > 0: N / K times, build a linked list of K nodes, walk it summing the
 *                     fields, free it node by node; K = 0: N single nodes, each allocated, read and
 *                     freed at once
 *
 * Prints the sum of the fields of every node. A single node's pointer is stored to a volatile
 * variable, or GCC would remove the malloc/free pair of a block that nothing else sees.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
  int64_t a, b;
  struct node *next;
} node;

static node *new_node(int64_t a, int64_t b, node *next) {
  node *n = malloc(sizeof *n);
  if (n == NULL) abort();
  n->a = a;
  n->b = b;
  n->next = next;
  return n;
}

static node *build(int64_t k, int64_t r) {
  node *head = NULL;
  for (int64_t i = 0; i < k; i++) head = new_node(i, i ^ r, head);
  return head;
}

static int64_t sum(const node *list) {
  int64_t total = 0;
  for (; list != NULL; list = list->next) total += list->a + list->b;
  return total;
}

static void free_list(node *list) {
  while (list != NULL) {
    node *next = list->next;
    free(list);
    list = next;
  }
}

static int64_t lists(int64_t n, int64_t k) {
  int64_t total = 0;
  for (int64_t r = 0; r < n / k; r++) {
    node *list = build(k, r);
    total += sum(list);
    free_list(list);
  }
  return total;
}

static node *volatile sink;

static int64_t singles(int64_t n) {
  int64_t total = 0;
  for (int64_t i = 0; i < n; i++) {
    node *o = new_node(i, i ^ 12345, NULL);
    sink = o;
    total += o->a + o->b;
    free(o);
  }
  return total;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  int64_t n = strtoll(argv[1], NULL, 10), k = strtoll(argv[2], NULL, 10);
  printf("%lld\n", (long long)(k > 0 ? lists(n, k) : singles(n)));
  return 0;
}
