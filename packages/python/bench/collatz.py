# bench-size: 2000000
# Longest Collatz chain among the starts below N: integer halving, tripling and branches. The
# total of all chain lengths is printed too, a checksum of every chain.
import sys


def chain_length(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def longest_chain(limit):
    best_start = 1
    best_length = 1
    total_length = 0
    for start in range(1, limit):
        length = chain_length(start)
        total_length += length
        if length > best_length:
            best_start = start
            best_length = length
    print("start:", best_start)
    print("length:", best_length)
    print("total length:", total_length)


longest_chain(int(sys.argv[1]))
