# divmod and pow as builtins, with ints and floats.


def describe(a, b):
    q, r = divmod(a, b)
    print(f"divmod({a}, {b}) -> q={q} r={r}")


describe(17, 5)
describe(-17, 5)
describe(17, -5)
describe(-17, -5)
describe(0, 3)
describe(17.5, 5)
describe(-17.5, 5)
describe(17.5, -5.0)
describe(1e16, 7.0)

print(pow(2, 10), pow(2, 0), pow(-2, 3), pow(-2, 4))
print(pow(2, -1), pow(2, -3), pow(-2, -2))
print(pow(2.0, 10), pow(2, 0.5), pow(9, 0.5), pow(10.0, -2))
print(pow(2, 10, 1000), pow(7, 128, 13), pow(-3, 3, 5), pow(3, 3, -5))
print(pow(0, 0), pow(0.0, 0), pow(1, 1000000))

# Convert seconds into hours, minutes and seconds with divmod.
total = 98765
minutes, seconds = divmod(total, 60)
hours, minutes = divmod(minutes, 60)
days, hours = divmod(hours, 24)
print(f"{total} s = {days}d {hours:02}:{minutes:02}:{seconds:02}")
