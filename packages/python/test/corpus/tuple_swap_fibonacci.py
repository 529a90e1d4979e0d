# Tuple assignment evaluates the whole right-hand side before assigning.
a, b = 0, 1
for i in range(15):
    print(a, end=" ")
    a, b = b, a + b
print()

x, y = 3, 7
x, y = y, x
print(x, y)

p, q, r = 1, 2, 3
p, q, r = q, r, p
print(p, q, r)

# Rotating values while reading their old values.
u, v = 10, 20
u, v = u + v, u - v
print(u, v)


def fib_pair(n):
    lo, hi = 0, 1
    for _ in range(n):
        lo, hi = hi, lo + hi
    return lo


for n in range(0, 92, 23):
    print(n, fib_pair(n))
print(fib_pair(91))

# Extended Euclid with tuple updates.
old_r, r = 240, 46
old_s, s = 1, 0
old_t, t = 0, 1
while r != 0:
    quotient = old_r // r
    old_r, r = r, old_r - quotient * r
    old_s, s = s, old_s - quotient * s
    old_t, t = t, old_t - quotient * t
print("gcd", old_r, "coefficients", old_s, old_t, 240 * old_s + 46 * old_t)
