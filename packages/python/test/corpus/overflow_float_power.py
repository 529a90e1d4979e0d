# Float ** that exceeds the float range raises OverflowError (unlike float *, which gives inf).
def growth(rate, periods):
    return (1.0 + rate) ** periods


x = 10.0
print(x * 1e307, x**300, 1e300 * 1e10)
for periods in range(0, 4001, 1000):
    print(periods, growth(0.1, periods))
print(growth(0.5, 1000))
print(growth(0.5, 2000))
print(x**400)
