# Two-pointer techniques: pair sums, three-sum, removing duplicates, container with most water.
def pair_with_sum(xs: list[int], target: int) -> tuple[int, int]:
    i, j = 0, len(xs) - 1
    while i < j:
        s = xs[i] + xs[j]
        if s == target:
            return (xs[i], xs[j])
        if s < target:
            i += 1
        else:
            j -= 1
    return (-1, -1)


def three_sum(nums: list[int]) -> list[tuple[int, int, int]]:
    nums = sorted(nums)
    out: list[tuple[int, int, int]] = []
    for i in range(len(nums) - 2):
        if i > 0 and nums[i] == nums[i - 1]:
            continue
        lo, hi = i + 1, len(nums) - 1
        while lo < hi:
            s = nums[i] + nums[lo] + nums[hi]
            if s < 0:
                lo += 1
            elif s > 0:
                hi -= 1
            else:
                out.append((nums[i], nums[lo], nums[hi]))
                while lo < hi and nums[lo] == nums[lo + 1]:
                    lo += 1
                lo += 1
                hi -= 1
    return out


def dedupe_sorted(xs: list[int]) -> int:
    if not xs:
        return 0
    w = 1
    for r in range(1, len(xs)):
        if xs[r] != xs[w - 1]:
            xs[w] = xs[r]
            w += 1
    return w


def max_area(heights: list[int]) -> int:
    i, j = 0, len(heights) - 1
    best = 0
    while i < j:
        best = max(best, (j - i) * min(heights[i], heights[j]))
        if heights[i] < heights[j]:
            i += 1
        else:
            j -= 1
    return best


xs = [1, 2, 4, 7, 11, 15, 20]
for t in [15, 9, 35, 100, 3]:
    print(t, pair_with_sum(xs, t))
print(three_sum([-1, 0, 1, 2, -1, -4, 3, -2, 2]))
d = [0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 9, 9]
n = dedupe_sorted(d)
print(n, d[:n])
print(max_area([1, 8, 6, 2, 5, 4, 8, 3, 7]), max_area([1, 1]))
s = "abcdefg"
chars = list(s)
i, j = 0, len(chars) - 1
while i < j:
    left = chars[i]
    chars[i] = chars[j]
    chars[j] = left
    i += 1
    j -= 1
print("".join(chars))
