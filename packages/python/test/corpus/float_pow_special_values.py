# Float ** float at the edges C's pow and Python agree on, and those where the runtime decides:
# positive bases with infinite and NaN exponents, infinite, NaN, zero and negative bases with
# integral exponents, underflow to zero, and results at the edge of overflow.
import math
import sys

inf = float("inf")
nan = float("nan")
scale = float(len(sys.argv))
bases = [2.0 * scale, 0.5 * scale, 1.0 * scale, 1e-300 * scale, 1e300 * scale, inf, -inf, nan, 0.0, -0.0, -2.0 * scale]
exponents = [2.0, -1.5, 0.5, 3.0, -3.0, inf, -inf, nan, 0.0, -0.0, 1.0]
for b in bases:
    row = []
    for e in exponents:
        if b == 0.0 and e < 0.0 and not math.isinf(e):
            row.append("zde")
            continue
        if b < 0.0 and not math.isinf(b) and math.isfinite(e) and e != math.floor(e):
            row.append("complex")
            continue
        if math.isfinite(b) and b != 0.0 and math.isfinite(e) and math.log10(abs(b)) * e > 300.0:
            row.append("overflow")
            continue
        row.append(repr(b**e))
    print(b, " ".join(row))
total = 0.0
for k in range(1, 2000):
    total += (k * 0.37) ** -1.5 + (k / 7.0) ** 0.25
print(f"{total:.12f}", 1.0000001**1e7, 0.9999999**1e7, 1e-200**2.0)
