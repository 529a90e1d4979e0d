# A small inventory simulation with dicts of lists and sorting by several keys.
orders = [
    ("widget", 3, 2.5), ("gadget", 1, 10.0), ("widget", 2, 2.5), ("doohickey", 7, 0.75),
    ("gadget", 4, 9.5), ("widget", 1, 2.25), ("thing", 10, 1.0),
]
totals: dict[str, float] = {}
quantities: dict[str, int] = {}
prices: dict[str, list[float]] = {}
for name, qty, price in orders:
    totals[name] = totals.get(name, 0.0) + qty * price
    quantities[name] = quantities.get(name, 0) + qty
    prices.setdefault(name, []).append(price)
for name in sorted(totals, key=lambda n: (-totals[n], n)):
    avg = sum(prices[name]) / len(prices[name])
    print(f"{name:<10} qty={quantities[name]:>3} total={totals[name]:>7.2f} avg={avg:.3f}")
best = max(totals.items(), key=lambda kv: kv[1])
print(best, round(sum(totals.values()), 2))
restock = [n for n, q in quantities.items() if q < 5]
print(restock, len(restock))
