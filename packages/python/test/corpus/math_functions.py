# Functions of the math module with ints and floats.
import math

print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(0), math.sqrt(1e300))
print(math.exp(1), math.exp(0), math.exp(-1), math.expm1(1e-10), math.log1p(1e-10))
print(math.log(10), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.sin(0), math.sin(math.pi / 6), math.cos(math.pi), math.tan(math.pi / 4))
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.hypot(3, 4), math.hypot(5, 12))
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(-7, 3), math.fmod(7.5, -2))
print(math.gcd(48, 180), math.gcd(0, 5), math.gcd(-12, 18), math.lcm(4, 6), math.isqrt(99))
print(math.factorial(0), math.factorial(10), math.factorial(20), math.comb(10, 3), math.perm(6, 2))
print(math.degrees(math.pi), math.radians(180), math.pow(2, 10), math.pow(2, 0.5))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.01), math.isclose(1, 1.01, rel_tol=0.05))
print(math.erf(1), math.gamma(5), math.lgamma(10))

# Distance and bearing between two points on a sphere (haversine).
lat1 = math.radians(52.2296756)
lon1 = math.radians(21.0122287)
lat2 = math.radians(41.8919300)
lon2 = math.radians(12.5113300)
dlat = lat2 - lat1
dlon = lon2 - lon1
a = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
c = 2 * math.atan2(math.sqrt(a), math.sqrt(1 - a))
print(f"distance: {6373.0 * c:.3f} km")
