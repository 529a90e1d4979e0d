# Averages per group; the empty group divides by zero and ends the run.
groups = {"red": [4, 8, 15], "green": [16, 23, 42, 7], "blue": [], "gold": [1]}


def average(values: list[int]) -> float:
    return sum(values) / len(values)


def report(name: str) -> str:
    return f"{name:<6} n={len(groups[name])} avg={average(groups[name]):.2f}"


print(sum(len(v) for v in groups.values()), "values in", len(groups), "groups")
for name in groups:
    print(report(name))
