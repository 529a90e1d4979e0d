# abs, min and max over ints, floats and bools; min/max return the first extreme argument.
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(-0.0), abs(-9223372036854775807))
print(min(3, 1, 2), max(3, 1, 2), min(-1.0, -1.5), max(2.0, 2.5, 1.0))
print(max(0.0, -0.0), max(-0.0, 0.0), min(0.0, -0.0), min(-0.0, 0.0))
print(min(5, 4, 3, 2, 1, 0, -1), max(-5, -4, -3))


def clamp(x, low, high):
    return max(low, min(x, high))


for v in range(-3, 14, 4):
    print(v, clamp(v, 0, 10), clamp(v * 0.75, 0.5, 7.5))

# Track the extremes of a generated sequence.
lowest = 1000
highest = -1000
spread = 0
seed = 17
for i in range(25):
    seed = (seed * 73 + 41) % 199
    value = seed - 100
    lowest = min(lowest, value)
    highest = max(highest, value)
    spread = max(spread, abs(value))
print("lowest", lowest, "highest", highest, "spread", spread)
