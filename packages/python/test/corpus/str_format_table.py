# str.format: a planets table with named and positional fields, alignment, fill and thousands separators.
planets = [("Mercury", 57.9, 0.055), ("Venus", 108.2, 0.815), ("Earth", 149.6, 1.0), ("Mars", 227.9, 0.107)]
header = "{:<8} | {:>10} | {:>6}".format("planet", "distance", "mass")
print(header)
print("{:-^{}}".format("", len(header)))
for name, dist, mass in planets:
    print("{0:<8} | {1:>10,.1f} | {2:>6.3f}".format(name, dist * 1000, mass))
print("{0} is {1:.2f} AU away".format("Mars", 227.9 / 149.6), "{a}-{b}".format(a="x", b="y"))
print("{0}{1}{0}".format("==", "middle"))
print("[{:*^11}]".format("centre"), "[{:>5}]".format(7), "[{:<5d}]".format(7))
print("{:b} {:o} {:x} {:X} {:08.3f}".format(10, 10, 255, 255, 3.14159))
