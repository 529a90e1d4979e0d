# Seeded random inventory records (dicts of mixed values): filters, sums, sorting by a field, grouping
# with setdefault, and max of a dict by its own get as the key.
import random
random.seed(42)
inventory = [{"sku": f"A{i:03d}", "qty": random.randint(0, 20), "price": round(random.uniform(1, 50), 2)} for i in range(8)]
low = [item["sku"] for item in inventory if item["qty"] < 5]
value = sum(item["qty"] * item["price"] for item in inventory)
print(low, round(value, 2))
by_price = sorted(inventory, key=lambda it: it["price"], reverse=True)
for it in by_price[:3]:
    print(f"{it['sku']}: {it['qty']:>3} x {it['price']:>6.2f}")
groups = {}
for it in inventory:
    bucket = "cheap" if it["price"] < 20 else "dear"
    groups.setdefault(bucket, []).append(it["sku"])
print(groups)
totals = {k: len(v) for k, v in groups.items()}
print(totals, max(totals, key=totals.get))
