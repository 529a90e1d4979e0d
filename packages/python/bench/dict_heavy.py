# bench-size: 300000
# Dicts under inserts, lookups, updates and deletes, with int and str keys: Collatz chain lengths
# memoised in a dict up to N, then a third of the memo evicted and probed again; and the degrees
# and edge multiplicities of a random multigraph (N edges on N / 8 named nodes, from an LCG),
# after which the nodes of low degree are deleted.
import sys


def collatz_memo(n):
    memo = {1: 1}
    total = 0
    for start in range(2, n + 1):
        path = []
        x = start
        while x not in memo:
            path.append(x)
            x = x // 2 if x % 2 == 0 else 3 * x + 1
        length = memo[x]
        for k in range(len(path) - 1, -1, -1):
            length += 1
            memo[path[k]] = length
        total += length
    size = len(memo)
    # Evict the keys divisible by 3, as a bounded cache would, then probe for the starts left.
    for key in list(memo.keys()):
        if key % 3 == 0:
            del memo[key]
    survivors = 0
    for start in range(1, n + 1):
        if start in memo:
            survivors += memo[start] % 7
    return total, size, len(memo), survivors


def graph_degrees(n_edges, seed):
    n_nodes = n_edges // 8 + 1
    names = [f"node{k}" for k in range(n_nodes)]
    degree = {}
    multiplicity = {}
    state = seed
    for _ in range(n_edges):
        state = (state * 1103515245 + 12345) % 2147483648
        a = names[(state >> 4) % n_nodes]
        state = (state * 1103515245 + 12345) % 2147483648
        b = names[(state >> 4) % n_nodes]
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
        key = a + "-" + b if a < b else b + "-" + a
        multiplicity[key] = multiplicity.get(key, 0) + 1
    repeated = 0
    for count in multiplicity.values():
        if count > 1:
            repeated += 1
    # Prune the nodes of degree below the average (16), then sum what is left by position.
    for name in names:
        if name in degree and degree[name] < 16:
            del degree[name]
    checksum = 0
    for k in range(n_nodes):
        checksum = (checksum * 31 + degree.get(names[k], 0)) % 1000000007
    return len(multiplicity), repeated, len(degree), checksum


def main():
    n = int(sys.argv[1])
    total, size, kept, survivors = collatz_memo(n)
    print(total, size, kept, survivors)
    pairs, repeated, nodes, checksum = graph_degrees(n, 7)
    print(pairs, repeated, nodes, checksum)


main()
