# Formats invoices from order lines: aligned columns, thousands separators, tax and discounts.
ORDERS = """1001;Acme Corp;widget:12:2.5,gizmo:1:1299.99,bolt:500:0.03
1002;Globex;sprocket:40:7.25,widget:3:2.5
1003;Initech;stapler:2:15.0,paper:10:4.75,toner:3:89.9
1004;Umbrella;antidote:1:25000.0"""
TAX = 0.2
DISCOUNTS = [(10000.0, 0.1), (1000.0, 0.05), (0.0, 0.0)]

grand = 0.0
largest_line = ("", 0.0)
for order in ORDERS.splitlines():
    number, customer, lines = order.split(";")
    print(f"Invoice #{number} for {customer}")
    print(f"  {'item':<10}{'qty':>6}{'price':>11}{'amount':>13}")
    subtotal = 0.0
    for line in lines.split(","):
        item, qty, price = line.split(":")
        amount = int(qty) * float(price)
        subtotal += amount
        if amount > largest_line[1]:
            largest_line = (f"{number}/{item}", amount)
        print(f"  {item:<10}{int(qty):>6,}{float(price):>11,.2f}{amount:>13,.2f}")
    rate = 0.0
    for threshold, r in DISCOUNTS:
        if subtotal >= threshold:
            rate = r
            break
    discount = subtotal * rate
    tax = (subtotal - discount) * TAX
    total = subtotal - discount + tax
    grand += total
    print(f"  {'subtotal':<27}{subtotal:>13,.2f}")
    if discount:
        print(f"  {f'discount {rate:.0%}':<27}{-discount:>13,.2f}")
    print(f"  {'tax':<27}{tax:>13,.2f}")
    print(f"  {'TOTAL':<27}{total:>13,.2f}")
    print("-" * 42)
print(f"grand total {grand:,.2f}; largest line {largest_line[0]} = {largest_line[1]:,.2f}")
print(f"{grand:e} {grand:+.1f} {int(grand):_}")
