# Keyword arguments in any order, mixed with positional ones and defaults.
def box(width, height, depth=1, label="box"):
    volume = width * height * depth
    print(f"{label}: {width} x {height} x {depth} = {volume}")
    return volume


box(2, 3)
box(width=2, height=3)
box(height=3, width=2)
box(2, depth=4, height=3)
box(label="crate", depth=5, height=2, width=7)
box(1, 2, 3, label="cube-ish")
box(1, 2, label="flat")


def trace(a, b):
    print("  trace a =", a, "b =", b)
    return a - b


def pick(x):
    print("  evaluating argument", x)
    return x


# Arguments are evaluated left to right as written, whatever the parameter order.
print(trace(b=pick(1), a=pick(2)))
print(trace(pick(10), b=pick(3)))


def compound(principal, rate=0.05, years=10, periods=1):
    amount = principal * (1 + rate / periods) ** (periods * years)
    return round(amount, 2)


print(compound(1000))
print(compound(1000, years=5))
print(compound(periods=12, principal=1000))
print(compound(1000, 0.03, periods=4, years=20))
