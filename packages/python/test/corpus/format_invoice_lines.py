# Invoice lines with str.format specs: currency with thousands separators, padding and percentages.
lines = [("Consulting", 12, 150.0), ("Travel", 1, 1234.5), ("Licences", 25, 49.99)]
width = 42
print("{:=^{w}}".format(" INVOICE ", w=width))
total = 0.0
for desc, qty, rate in lines:
    amount = qty * rate
    total += amount
    print("{:<16}{:>4} x {:>8.2f} = {:>9,.2f}".format(desc, qty, rate, amount))
discount = 0.05
print("{:<31}{:>11,.2f}".format("Subtotal", total))
print("{:<31}{:>11.1%}".format("Discount", discount))
print("{:<31}{:>11,.2f}".format("Due", total * (1 - discount)))
print("{:=^{w}}".format("", w=width))
print("{0:>6}|{0:<6}|{0:^6}|".format("ab"), "{:+.3e}".format(total))
