# Parses CSV-like records from a string and aggregates sales by region and product.
DATA = """region,product,units,price
north,widget,12,2.50
south,gadget,3,10.00
north,gadget,7,10.00
east,widget,20,2.25
south,widget,8,2.50
east,gizmo,1,99.99
north,gizmo,2,95.00
west,widget,15,2.40
west,gadget,4,9.50
south,gizmo,3,97.50
east,gadget,6,10.25"""

lines = DATA.strip().split("\n")
header = lines[0].split(",")
records: list[dict[str, str]] = []
for line in lines[1:]:
    fields = line.split(",")
    records.append(dict(zip(header, fields)))
print(len(records), "records;", "columns:", header)

revenue_by_region: dict[str, float] = {}
units_by_product: dict[str, int] = {}
for r in records:
    amount = int(r["units"]) * float(r["price"])
    revenue_by_region[r["region"]] = revenue_by_region.get(r["region"], 0.0) + amount
    units_by_product[r["product"]] = units_by_product.get(r["product"], 0) + int(r["units"])

for region in sorted(revenue_by_region):
    print(f"{region:<6} {revenue_by_region[region]:>9.2f}")
for product, units in sorted(units_by_product.items(), key=lambda kv: -kv[1]):
    print(f"{product:<7} {units:>4} units")

best = max(records, key=lambda r: int(r["units"]) * float(r["price"]))
print("largest sale:", best["region"], best["product"], best["units"])
avg_price = {p: 0.0 for p in units_by_product}
for p in avg_price:
    prices = [float(r["price"]) for r in records if r["product"] == p]
    avg_price[p] = sum(prices) / len(prices)
print({p: round(v, 3) for p, v in sorted(avg_price.items())})
total = sum(revenue_by_region.values())
for region, rev in sorted(revenue_by_region.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{region:>6} {rev / total * 100:5.1f}% " + "#" * int(rev / total * 40))
