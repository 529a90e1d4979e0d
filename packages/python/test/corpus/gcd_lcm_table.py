# Euclid's algorithm, iterative and recursive, and a table of gcd/lcm values.
def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return abs(a)


def gcd_recursive(a, b):
    if b == 0:
        return abs(a)
    return gcd_recursive(b, a % b)


def lcm(a, b):
    if a == 0 or b == 0:
        return 0
    return abs(a * b) // gcd(a, b)


print("gcd table:")
for a in range(1, 9):
    row = ""
    for b in range(1, 9):
        row += f"{gcd(a, b):3}"
    print(row)
print(gcd(1071, 462), gcd_recursive(1071, 462), gcd(-48, 18), gcd(0, 0), gcd(17, 0))
print(lcm(4, 6), lcm(21, 6), lcm(-4, 6), lcm(0, 9))

running = 1
for k in range(1, 21):
    running = lcm(running, k)
print("lcm of 1..20:", running)

coprime = 0
for a in range(1, 101):
    for b in range(1, 101):
        if gcd(a, b) == 1:
            coprime += 1
print("coprime pairs in 1..100:", coprime, "ratio", coprime / 10000)
