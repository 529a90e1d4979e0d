/* The benchmarks-game binary-trees, as binary_trees.py: every node allocated with malloc and freed
   when its tree is done, a leaf's children NULL. */
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
  struct node *left, *right;
} node;

static node *make_tree(long depth) {
  node *n = malloc(sizeof *n);
  if (depth == 0) {
    n->left = n->right = NULL;
  } else {
    n->left = make_tree(depth - 1);
    n->right = make_tree(depth - 1);
  }
  return n;
}

static long check_tree(const node *n) {
  if (n->left == NULL) return 1;
  return 1 + check_tree(n->left) + check_tree(n->right);
}

static void free_tree(node *n) {
  if (n->left != NULL) {
    free_tree(n->left);
    free_tree(n->right);
  }
  free(n);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10;
  long min_depth = 4;
  long max_depth = n > min_depth + 2 ? n : min_depth + 2;
  long stretch_depth = max_depth + 1;
  node *stretch = make_tree(stretch_depth);
  printf("stretch tree of depth %ld\t check: %ld\n", stretch_depth, check_tree(stretch));
  free_tree(stretch);
  node *long_lived = make_tree(max_depth);
  for (long depth = min_depth; depth < stretch_depth; depth += 2) {
    long iterations = 1L << (max_depth - depth + min_depth);
    long check = 0;
    for (long i = 0; i < iterations; i++) {
      node *tree = make_tree(depth);
      check += check_tree(tree);
      free_tree(tree);
    }
    printf("%ld\t trees of depth %ld\t check: %ld\n", iterations, depth, check);
  }
  printf("long lived tree of depth %ld\t check: %ld\n", max_depth, check_tree(long_lived));
  free_tree(long_lived);
  return 0;
}
