# A savings plan table: monthly contributions, compound interest, money formatting.
principal = 10000.0
annual_rate = 0.045
monthly = 250.0
years = 10

balance = principal
contributed = principal
print(f"{'year':>4} {'contributed':>14} {'interest':>12} {'balance':>14}")
for year in range(1, years + 1):
    interest_this_year = 0.0
    for month in range(12):
        interest = balance * annual_rate / 12
        interest_this_year += interest
        balance += interest + monthly
        contributed += monthly
    print(f"{year:>4} {contributed:>14,.2f} {interest_this_year:>12,.2f} {balance:>14,.2f}")

growth = balance / contributed - 1
print(f"growth over contributions: {growth:.2%}")


def years_to_double(rate):
    value = 1.0
    years = 0
    while value < 2.0:
        value *= 1 + rate
        years += 1
    return years


for pct in range(1, 11, 3):
    rate = pct / 100
    print(f"{rate:.0%} doubles in {years_to_double(rate)} years (rule of 72: {72 / pct:.1f})")
