# Memoised dynamic programming with dicts: Fibonacci, grid paths, coin change and stair climbing.
fib_memo: dict[int, int] = {0: 0, 1: 1}


def fib(n: int) -> int:
    if n not in fib_memo:
        fib_memo[n] = fib(n - 1) + fib(n - 2)
    return fib_memo[n]


path_memo: dict[tuple[int, int], int] = {}


def grid_paths(r: int, c: int) -> int:
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in path_memo:
        path_memo[key] = grid_paths(r - 1, c) + grid_paths(r, c - 1)
    return path_memo[key]


def min_coins(coins: list[int], amount: int) -> int:
    best = [0] + [amount + 1] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] <= amount else -1


def ways_to_make(coins: list[int], amount: int) -> int:
    ways = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    return ways[amount]


stairs_memo: dict[int, int] = {}


def stairs(n: int, steps: tuple[int, int, int]) -> int:
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n not in stairs_memo:
        stairs_memo[n] = sum(stairs(n - s, steps) for s in steps)
    return stairs_memo[n]


print([fib(n) for n in range(15)], fib(90))
print(grid_paths(2, 2), grid_paths(10, 10), grid_paths(16, 16), len(path_memo))
for amount in [0, 3, 11, 27, 99]:
    print(amount, min_coins([1, 5, 10, 25], amount), min_coins([4, 7], amount), ways_to_make([1, 5, 10, 25], amount))
print([stairs(n, (1, 2, 3)) for n in range(12)])
print(len(fib_memo), max(fib_memo), fib_memo[50])
