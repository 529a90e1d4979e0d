# Parses order lines "item qty"; a quantity that is not a number raises ValueError from int().
orders = ["apple 3", "pear 10", "fig two", "kiwi 1"]
total = 0
for order in orders:
    item, qty = order.split()
    n = int(qty)
    total += n
    print(item, n, total)
