# Stock counts with Counter: adding shipments, subtracting sales, and finding items running low.
from collections import Counter

stock = Counter()
shipments = [("bolt", 50), ("nut", 80), ("washer", 30), ("bolt", 25), ("screw", 40)]
for item, n in shipments:
    stock[item] += n
sales = ["bolt"] * 60 + ["nut"] * 75 + ["washer"] * 4 + ["screw"] * 39
for item in sales:
    stock[item] -= 1
print(sorted(stock.items()))
low = [item for item, n in stock.items() if n < 10]
print("low:", sorted(low))
print(stock.most_common(1)[0], stock["gear"], sum(stock.values()))
sold = Counter(sales)
for item, n in sold.most_common():
    print(f"{item:<7}{n:>4}")
