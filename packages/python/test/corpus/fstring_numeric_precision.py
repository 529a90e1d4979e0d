# f-string precision and presentation types for floats: f, e, g, %, and none.
x = 1234.5678
small = 0.000123456
print(f"{x:.0f} {x:.1f} {x:.2f} {x:.3f} {x:.10f}")
print(f"{x:e} {x:.2e} {x:E} {small:.3e} {0.0:e}")
print(f"{x:g} {x:.3g} {x:.10g} {small:g} {1e16:g} {1e-5:g} {100000.0:g} {1000000.0:g}")
print(f"{0.25:%} {0.25:.1%} {1:.0%} {-0.125:.2%}")
print(f"{x:.3} {1.0:.3} {1234.5:.3} {0.1 + 0.2:.17} {x:.6}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f} {2.675:.2f} {1.005:.2f}")
print(f"{-0.0:.1f} {-0.0001:.2f} {0.0:.3f} {-1e-10:f}")
print(f"{1e20:.2f} {1.5e300:.1e} {123456789.0:.3f}")
print(f"{7:.2f} {-7:.1e} {7:%} {True:.1f}")
print(f"{x} {small} {1e16} {-0.0} {1 / 3}")

# A table of square roots with fixed precision.
value = 1.0
for i in range(1, 9):
    root = value**0.5
    print(f"{value:6.1f} {root:10.6f} {root:.3e}")
    value *= 2.5
