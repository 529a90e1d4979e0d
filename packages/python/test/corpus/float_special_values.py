# inf and nan, made from strings since the subset has no literal for them.
import math

inf = float("inf")
ninf = float("-inf")
nan = float("nan")
print(inf, ninf, nan, -nan)
print(inf + 1, inf * 2, inf * -1, inf / 1e308, 1 / inf, -1 / inf)
print(inf - inf, inf * 0, nan + 1, nan * 0)
print(math.isinf(inf), math.isinf(ninf), math.isnan(nan), math.isnan(inf), math.isfinite(1e308))
print(math.isfinite(inf), math.isfinite(nan))
print(float("Infinity"), float("-INF"), float("  nan  "), float("+inf"))
print(abs(ninf), -inf, max(1.0, inf), min(1.0, ninf))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(inf > 1e308, ninf < -1e308, inf == inf, nan == nan)
print(math.inf, -math.inf, math.nan, math.inf == inf)
print(f"{inf} {ninf} {nan} {inf:.2f} {ninf:>8} {nan:<5}|")
print(round(inf, 2), round(nan, 1))

# A running maximum seeded with -inf.
best = ninf
for k in range(1, 8):
    value = (k * 37 % 11) / 3
    if value > best:
        best = value
print("best", best)
