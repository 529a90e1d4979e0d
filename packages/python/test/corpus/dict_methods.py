# Dict methods and views; the KeyError of a missing key.
stock = {"apples": 3, "pears": 0, "plums": 7}
stock["kiwis"] = 5
print(stock, len(stock), "pears" in stock)
print(stock.pop("pears"), stock.pop("nope", -1), stock)
stock.update({"apples": 10, "limes": 1})
print(list(stock.keys()), list(stock.values()))
print(stock.setdefault("figs", 2), stock.setdefault("apples", 0))
for name, count in sorted(stock.items()):
    print(f"{name}: {count}")
print(stock.popitem(), stock)
inverse = {v: k for k, v in stock.items()}
print(inverse)
copy = stock.copy()
copy.clear()
print(copy, stock == {"apples": 10, "plums": 7, "kiwis": 5, "limes": 1})
del stock["plums"]
print(stock["plums"])
