# Letter grades from scores, a horizontal and a vertical histogram drawn with '*'.
SCORES = [88, 92, 79, 65, 95, 70, 58, 84, 91, 77, 83, 69, 99, 45, 73, 86, 90, 62, 81, 76, 94, 55, 68, 87]


def grade(s: int) -> str:
    if s >= 90:
        return "A"
    if s >= 80:
        return "B"
    if s >= 70:
        return "C"
    if s >= 60:
        return "D"
    return "F"


counts = {g: 0 for g in "ABCDF"}
for s in SCORES:
    counts[grade(s)] += 1
for g, n in counts.items():
    print(f"{g} {n:>2} {'*' * n}")

height = max(counts.values())
for level in range(height, 0, -1):
    print(" ".join("*" if counts[g] >= level else " " for g in counts))
print(" ".join(list(counts)))

mean = sum(SCORES) / len(SCORES)
ordered = sorted(SCORES)
mid = len(ordered) // 2
median = (ordered[mid - 1] + ordered[mid]) / 2 if len(ordered) % 2 == 0 else float(ordered[mid])
var = sum((s - mean) ** 2 for s in SCORES) / len(SCORES)
print(f"mean={mean:.2f} median={median} stdev={var ** 0.5:.3f}")
print("min/max:", ordered[0], ordered[-1], "range", ordered[-1] - ordered[0])
deciles = {}
for s in SCORES:
    d = s // 10 * 10
    deciles[d] = deciles.get(d, 0) + 1
for d in sorted(deciles):
    print(f"{d:>3}s {'#' * deciles[d]}")
above = [s for s in SCORES if s > mean]
print(len(above), "above the mean; top quartile starts at", ordered[len(ordered) * 3 // 4])
