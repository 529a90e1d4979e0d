# math constants and a few derived quantities.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.pi * 2 == math.tau, math.e**2, math.pi**2 / 6)
print(f"{math.pi:.15f} {math.e:.10f} {math.tau:.3e}")
radius = 2.5
area = math.pi * radius**2
circumference = math.tau * radius
print(f"r={radius} area={area:.4f} circumference={circumference:.4f}")

# Approximating e and pi by series and comparing with the constants.
e_approx = 0.0
term = 1.0
for n in range(1, 20):
    e_approx += term
    term /= n
print(e_approx, abs(e_approx - math.e) < 1e-15)

pi_approx = 0.0
for k in range(0, 10):
    pi_approx += (4 / (8 * k + 1) - 2 / (8 * k + 4) - 1 / (8 * k + 5) - 1 / (8 * k + 6)) / 16**k
print(pi_approx, pi_approx == math.pi)
