# Monotonic-stack problems on a price series: stock span, next greater element, largest rectangle.
PRICES = [100, 80, 60, 70, 60, 75, 85, 90, 40, 95, 30]


def spans(prices: list[int]) -> list[int]:
    stack: list[int] = []
    out: list[int] = []
    for i, p in enumerate(prices):
        while stack and prices[stack[-1]] <= p:
            stack.pop()
        out.append(i + 1 if not stack else i - stack[-1])
        stack.append(i)
    return out


def next_greater(xs: list[int]) -> list[int]:
    out = [-1] * len(xs)
    stack: list[int] = []
    for i, x in enumerate(xs):
        while stack and xs[stack[-1]] < x:
            out[stack.pop()] = x
        stack.append(i)
    return out


def largest_rectangle(heights: list[int]) -> tuple[int, int, int]:
    stack: list[int] = []
    best = (0, 0, 0)
    hs = heights + [0]
    for i, h in enumerate(hs):
        while stack and hs[stack[-1]] >= h:
            height = hs[stack.pop()]
            left = stack[-1] + 1 if stack else 0
            area = height * (i - left)
            if area > best[0]:
                best = (area, left, i)
        stack.append(i)
    return best


print(spans(PRICES))
print(next_greater(PRICES))
bars = [2, 1, 5, 6, 2, 3, 4, 4, 1]
area, lo, hi = largest_rectangle(bars)
print("largest rectangle", area, "from", lo, "to", hi - 1)
for level in range(max(bars), 0, -1):
    print("".join("#" if h >= level and lo <= i < hi else ("|" if h >= level else " ") for i, h in enumerate(bars)))
print(largest_rectangle([]), largest_rectangle([3]), next_greater([5, 4, 3]))
