# 0/1 knapsack by a DP table with item recovery, and a greedy fractional knapsack for comparison.
ITEMS = [("tent", 11, 50), ("stove", 4, 30), ("rope", 3, 12), ("camera", 2, 40), ("food", 6, 60),
         ("water", 7, 55), ("book", 1, 8), ("lamp", 2, 16), ("jacket", 5, 25)]


def knapsack(items: list[tuple[str, int, int]], capacity: int) -> tuple[int, list[str]]:
    n = len(items)
    best = [[0] * (capacity + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        name, w, v = items[i - 1]
        for c in range(capacity + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen: list[str] = []
    c = capacity
    for i in range(n, 0, -1):
        if best[i][c] != best[i - 1][c]:
            chosen.append(items[i - 1][0])
            c -= items[i - 1][1]
    return best[n][capacity], sorted(chosen)


def fractional(items: list[tuple[str, int, int]], capacity: int) -> float:
    total = 0.0
    room = float(capacity)
    for name, w, v in sorted(items, key=lambda it: it[2] / it[1], reverse=True):
        if room <= 0:
            break
        take = min(float(w), room)
        total += v * take / w
        room -= take
    return total


for cap in [5, 10, 15, 20, 30]:
    value, chosen = knapsack(ITEMS, cap)
    weight = sum(w for n, w, v in ITEMS if n in chosen)
    print(f"cap {cap:>2}: value {value:>3} weight {weight:>2} {chosen} fractional {fractional(ITEMS, cap):.2f}")
ratios = [(n, round(v / w, 2)) for n, w, v in ITEMS]
print(sorted(ratios, key=lambda r: -r[1])[:4])
print(knapsack([], 10), knapsack(ITEMS, 0))
