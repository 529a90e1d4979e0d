# Computes percentages of a total per category; an all-zero row divides by zero.
rows = {"q1": [3, 5, 2], "q2": [10, 0, 10], "q3": [0, 0, 0]}


def shares(counts):
    total = sum(counts)
    out = []
    for c in counts:
        out.append("%.0f%%" % (100 * c / total))
    return out


def report(name):
    parts = shares(rows[name])
    print(name, " ".join(parts))


for name in ["q1", "q2", "q3"]:
    report(name)
