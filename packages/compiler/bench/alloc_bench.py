"""npm run bench:alloc: the CPython side of alloc_bench.ir, the same work with a class with __slots__.

python3 alloc_bench.py N K   K > 0: N // K times, build a linked list of K nodes, walk it summing the
                             fields, drop it; K = 0: N single nodes, each made, read and dropped at once

Prints the sum of the fields of every node.
"""

import sys


class Node:
    __slots__ = ("a", "b", "next")

    def __init__(self, a, b, next):
        self.a = a
        self.b = b
        self.next = next


def build(k, r):
    head = None
    for i in range(k):
        head = Node(i, i ^ r, head)
    return head


def total(node):
    t = 0
    while node is not None:
        t += node.a + node.b
        node = node.next
    return t


def lists(n, k):
    t = 0
    for r in range(n // k):
        t += total(build(k, r))
    return t


def singles(n):
    t = 0
    for i in range(n):
        o = Node(i, i ^ 12345, None)
        t += o.a + o.b
        del o
    return t


n, k = int(sys.argv[1]), int(sys.argv[2])
print(lists(n, k) if k > 0 else singles(n))
