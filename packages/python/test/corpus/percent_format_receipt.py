# A shop receipt printed with %-formatting: widths, precision, left alignment and a percent sign.
items = [("coffee beans", 2, 8.5), ("milk", 3, 1.19), ("croissant", 6, 1.75), ("jam", 1, 3.2)]
print("%-14s %3s %7s %8s" % ("item", "qty", "price", "total"))
print("-" * 35)
subtotal = 0.0
for name, qty, price in items:
    line = qty * price
    subtotal += line
    print("%-14s %3d %7.2f %8.2f" % (name, qty, price, line))
rate = 0.08
tax = subtotal * rate
print("-" * 35)
print("%-26s %8.2f" % ("subtotal", subtotal))
print("%-26s %8.2f" % ("tax (%d%%)" % int(rate * 100), tax))
print("%-26s %8.2f" % ("TOTAL", subtotal + tax))
print("%s items, %i units" % (len(items), sum(q for _, q, _ in items)))
print("%05d|%+d|%x|%o|%e" % (42, 7, 3054, 8, 12345.678))
