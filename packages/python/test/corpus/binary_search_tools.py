# Binary search variants: exact match, lower/upper bounds, integer square root, rotated arrays.
def search(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def lower_bound(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def upper_bound(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def isqrt(n: int) -> int:
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


def search_rotated(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[lo] <= xs[mid]:
            if xs[lo] <= target < xs[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if xs[mid] < target <= xs[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1


xs = [1, 3, 3, 3, 5, 8, 13, 21, 21, 34, 55]
for t in [0, 1, 3, 4, 21, 55, 60]:
    lb, ub = lower_bound(xs, t), upper_bound(xs, t)
    print(f"target {t:>2}: index {search(xs, t):>2} lower {lb:>2} upper {ub:>2} count {ub - lb}")
print([isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 1000000, 99999999]])
rotated = [15, 18, 22, 29, 2, 5, 7, 11]
print([search_rotated(rotated, t) for t in [15, 29, 2, 11, 3, 22]])
steps = 0
lo, hi = 1, 1000
secret = 737
while True:
    steps += 1
    guess = (lo + hi) // 2
    if guess == secret:
        break
    if guess < secret:
        lo = guess + 1
    else:
        hi = guess - 1
print("found", secret, "in", steps, "guesses")
