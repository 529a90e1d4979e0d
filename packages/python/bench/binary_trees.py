# bench-size: 17
# The benchmarks-game binary-trees: allocates and walks perfect binary trees of tuples, millions of
# short-lived ones beside one long-lived tree, as an allocator and reference-counting benchmark. A
# node is a pair of its subtrees, a leaf `(None, None)`: the tree's type contains itself.
import sys


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main(n):
    min_depth = 4
    max_depth = max(min_depth + 2, n)
    stretch_depth = max_depth + 1
    print(f"stretch tree of depth {stretch_depth}\t check: {check_tree(make_tree(stretch_depth))}")
    long_lived_tree = make_tree(max_depth)
    for depth in range(min_depth, stretch_depth, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        check = 0
        for _ in range(iterations):
            check += check_tree(make_tree(depth))
        print(f"{iterations}\t trees of depth {depth}\t check: {check}")
    print(f"long lived tree of depth {max_depth}\t check: {check_tree(long_lived_tree)}")


main(int(sys.argv[1]))
