# Trees and lists made of tuples whose type contains itself: a binary tree of pairs with
# `(None, None)` leaves, a conditional-expression builder, a linked list built in a loop and by
# recursion, a list of pairs, a search tree of (key, left, right) triples, equality, hashing and
# printing of nested tuples, and unpacking None (CPython's TypeError, as the last line's traceback).
import sys


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def make_tree_inline(depth):
    return (make_tree_inline(depth - 1), make_tree_inline(depth - 1)) if depth > 0 else (None, None)


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def depth_of(node):
    left, right = node
    if left is None or right is None:
        return 0
    return 1 + max(depth_of(left), depth_of(right))


for d in range(5):
    tree = make_tree(d)
    print(d, check_tree(tree), depth_of(tree), check_tree(make_tree_inline(d)))
print(make_tree(2))
print(make_tree(2) == make_tree_inline(2), make_tree(1) == make_tree(2), make_tree(1) == ((None, None), (None, None)))
print(hash(make_tree(3)) == hash(make_tree_inline(3)))

# A linked list: (value, rest) pairs, None at the end.
node = None
for value in range(1, 6):
    node = (value, node)
print(node)
total = 0
while node is not None:
    value, node = node
    total += value
print("sum", total)


def build(n):
    if n == 0:
        return None
    return (n * n, build(n - 1))


def length(chain):
    count = 0
    while chain is not None:
        count += 1
        _, chain = chain
    return count


chain = build(6)
print(chain, length(chain), length(build(0)))


# A search tree: (key, left, right), None for an empty subtree.
def insert(tree, key):
    if tree is None:
        return (key, None, None)
    k, left, right = tree
    if key < k:
        return (k, insert(left, key), right)
    if key > k:
        return (k, left, insert(right, key))
    return tree


def in_order(tree, out):
    if tree is not None:
        k, left, right = tree
        in_order(left, out)
        out.append(k)
        in_order(right, out)
    return out


root = None
for key in [50, 30, 70, 20, 40, 60, 80, 30, 65]:
    root = insert(root, key)
print(in_order(root, []))
print(root)
# A list whose values are pairs, as its nodes are.
points = None
for i in range(4):
    points = ((i, i * i), points)
print(points)
while points is not None:
    (x, y), points = points
    print(x + y, end=" ")
print()

leaves = {make_tree(0): "leaf", make_tree(1): "pair"}
print(leaves[(None, None)], len(leaves))

pair = make_tree(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
left, right = pair
left_left, left_right = left
