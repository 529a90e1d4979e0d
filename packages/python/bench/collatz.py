# Longest Collatz chain below a bound: integer halving, tripling and branches.
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
    for start in range(1, limit):
        length = chain_length(start)
        if length > best_length:
            best_start = start
            best_length = length
    print("start:", best_start)
    print("length:", best_length)


longest_chain(2000000)
