# A conversion table between Celsius, Fahrenheit and Kelvin.
def c_to_f(c):
    return c * 9 / 5 + 32


def f_to_c(f):
    return (f - 32) * 5 / 9


def c_to_k(c):
    return c + 273.15


print(f"{'C':>6} | {'F':>7} | {'K':>7}")
print("-------+---------+--------")
for c in range(-40, 101, 20):
    print(f"{c:>6} | {c_to_f(c):>7.1f} | {c_to_k(c):>7.2f}")

print(c_to_f(37), f_to_c(98.6), f_to_c(-40), c_to_f(-273.15))
print(round(f_to_c(100), 3), round(f_to_c(0), 4))

# Find where the Fahrenheit and Celsius values are closest to each other by scanning.
best = 0
best_diff = 1000.0
for c in range(-100, 101):
    diff = abs(c_to_f(c) - c)
    if diff < best_diff:
        best_diff = diff
        best = c
print("scales agree at", best)
