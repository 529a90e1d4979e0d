# argv: 2.5 -0.125 1e3 inf 0.1
# Float arguments from the command line.
import math
import sys

x = float(sys.argv[1])
y = float(sys.argv[2])
z = float(sys.argv[3])
w = float(sys.argv[4])
t = float(sys.argv[5])
print(x, y, z, w, t)
print(x + y, x * y, z / x, x**y, -y)
print(w > z, w - w, math.isinf(w), math.isnan(w - w))
print(t + t + t, round(t * 3, 2), f"{t:.20f}")
print(f"{x:08.3f} {y:+.2e} {z:,.1f}")
mean = (x + y + z + t) / 4
print("mean of finite values:", mean)
