# Processes inventory orders until an order names an unknown item: an uncaught KeyError.
stock = {"bolt": 120, "nut": 300, "washer": 80, "screw": 45}
prices = {"bolt": 0.25, "nut": 0.05, "washer": 0.02, "screw": 0.15}
orders = [("bolt", 20), ("nut", 150), ("screw", 40), ("washer", 80), ("rivet", 5), ("bolt", 1)]


def fulfil(item: str, qty: int) -> float:
    available = stock[item]
    sent = min(available, qty)
    stock[item] = available - sent
    return sent * prices[item]


total = 0.0
for item, qty in orders:
    cost = fulfil(item, qty)
    total += cost
    print(f"{item:<7}{qty:>4}  cost {cost:6.2f}  left {stock[item]}")
print("total", total)
