# argv: 7 -3 42 1_000
# Integer arguments from the command line.
import sys

a = int(sys.argv[1])
b = int(sys.argv[2])
c = int(sys.argv[3])
d = int(sys.argv[4])
print("a =", a, "b =", b, "c =", c, "d =", d)
print(a + b, a * b, a // b, a % b, a / b, a**2)
q, r = divmod(c, a)
print(max(a, b, c), min(a, b, c), abs(b), q, r)
print(d // 7, d % 7, d * d)
total = 0
for i in range(b, a):
    total += i
print("sum of range(b, a):", total)
print("last argument:", sys.argv[-1], "as int + 1:", int(sys.argv[-1]) + 1)
