# Simulates a shop's daily sales and restocking over four weeks with a seeded demand.
import random

random.seed(8)
stock = {"milk": 40, "bread": 30, "eggs": 50, "cheese": 15, "apples": 60}
reorder_at = {"milk": 15, "bread": 10, "eggs": 20, "cheese": 5, "apples": 25}
order_size = {"milk": 40, "bread": 30, "eggs": 60, "cheese": 20, "apples": 50}
demand = {"milk": (5, 14), "bread": (3, 10), "eggs": (4, 12), "cheese": (0, 4), "apples": (6, 15)}
lost: dict[str, int] = {item: 0 for item in stock}
sold: dict[str, int] = {item: 0 for item in stock}
orders: list[tuple[int, str]] = []
pending: dict[int, list[str]] = {}

for day in range(1, 29):
    for item in pending.get(day, []):
        stock[item] += order_size[item]
    for item in sorted(stock):
        lo, hi = demand[item]
        want = random.randint(lo, hi)
        got = min(want, stock[item])
        stock[item] -= got
        sold[item] += got
        lost[item] += want - got
        on_order = any(item in pending.get(d, []) for d in range(day + 1, day + 4))
        if stock[item] <= reorder_at[item] and not on_order:
            arrival = day + random.randint(1, 3)
            pending.setdefault(arrival, []).append(item)
            orders.append((day, item))
    if day % 7 == 0:
        print(f"week {day // 7}: " + ", ".join(f"{k}={v}" for k, v in sorted(stock.items())))

print("orders placed:", len(orders))
for item in sorted(stock):
    n = sum(1 for _, it in orders if it == item)
    print(f"{item:<7} sold {sold[item]:>4} lost {lost[item]:>3} orders {n}")
worst = max(lost, key=lambda k: lost[k])
print("most lost sales:", worst, lost[worst])
print("first orders:", orders[:5])
