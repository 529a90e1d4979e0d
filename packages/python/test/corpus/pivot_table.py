# Builds a pivot table of quarterly sales (rows: salesperson, columns: quarter) with totals.
SALES = [
    ("ana", "Q1", 120), ("ben", "Q1", 90), ("ana", "Q2", 80), ("cy", "Q3", 200),
    ("ben", "Q2", 110), ("ana", "Q3", 60), ("cy", "Q1", 40), ("ben", "Q4", 150),
    ("ana", "Q4", 95), ("cy", "Q4", 30), ("dee", "Q2", 75), ("ana", "Q1", 15),
    ("ben", "Q1", 10), ("dee", "Q3", 65),
]

people = sorted({p for p, q, n in SALES})
quarters = sorted({q for p, q, n in SALES})
cells: dict[tuple[str, str], int] = {}
for person, quarter, amount in SALES:
    key = (person, quarter)
    cells[key] = cells.get(key, 0) + amount

print("name  " + "".join(f"{q:>6}" for q in quarters) + " total")
col_totals = [0] * len(quarters)
for person in people:
    row = [cells.get((person, q), 0) for q in quarters]
    for i, v in enumerate(row):
        col_totals[i] += v
    print(f"{person:<6}" + "".join(f"{v:>6}" for v in row) + f"{sum(row):>6}")
print("total " + "".join(f"{v:>6}" for v in col_totals) + f"{sum(col_totals):>6}")

best_quarter = quarters[col_totals.index(max(col_totals))]
print("best quarter:", best_quarter)
person_totals = {p: sum(cells.get((p, q), 0) for q in quarters) for p in people}
ranking = sorted(person_totals.items(), key=lambda kv: kv[1], reverse=True)
for rank, (p, t) in enumerate(ranking, 1):
    print(rank, p, t, "*" * (t // 25))
missing = [(p, q) for p in people for q in quarters if (p, q) not in cells]
print("no sales:", missing)
