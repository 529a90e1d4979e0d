# Kadane's algorithm for the maximum subarray, its circular variant and the max product subarray.
def max_subarray(xs: list[int]) -> tuple[int, int, int]:
    best, best_start, best_end = xs[0], 0, 1
    current, start = 0, 0
    for i, x in enumerate(xs):
        if current <= 0:
            current, start = x, i
        else:
            current += x
        if current > best:
            best, best_start, best_end = current, start, i + 1
    return best, best_start, best_end


def max_circular(xs: list[int]) -> int:
    best, _, _ = max_subarray(xs)
    if best < 0:
        return best
    worst, _, _ = max_subarray([-x for x in xs])
    return max(best, sum(xs) + worst)


def max_product(xs: list[int]) -> int:
    hi = lo = best = xs[0]
    for x in xs[1:]:
        candidates = (x, hi * x, lo * x)
        hi, lo = max(candidates), min(candidates)
        best = max(best, hi)
    return best


tests = [[-2, 1, -3, 4, -1, 2, 1, -5, 4], [1, 2, 3], [-3, -1, -2], [5, -9, 6, -2, 3], [8, -1, 3, 4], [2, -1, 2, -1, 2]]
for xs in tests:
    s, a, b = max_subarray(xs)
    print(f"{str(xs):<34} sum={s:>3} slice={xs[a:b]} circular={max_circular(xs)} product={max_product(xs)}")
prices = [7, 1, 5, 3, 6, 4, 8, 2]
diffs = [b - a for a, b in zip(prices, prices[1:])]
gain, a, b = max_subarray(diffs)
print("buy day", a, "at", prices[a], "sell day", b, "at", prices[b], "gain", gain)
print("every rise:", sum(d for d in diffs if d > 0))
