# Floor division and modulo on ints follow Python's sign rules:
# the quotient rounds toward minus infinity, the remainder takes the divisor's sign.


def show(a, b):
    q = a // b
    r = a % b
    print(f"{a:>4} // {b:>3} = {q:>4}   {a:>4} % {b:>3} = {r:>3}   check {q * b + r == a}")


show(7, 2)
show(-7, 2)
show(7, -2)
show(-7, -2)
show(0, 5)
show(0, -5)
show(1, 10)
show(-1, 10)
show(10, 1)
show(-10, 3)
show(10, -3)
show(-9, 3)
show(9, -3)
show(123456789, 1000)
show(-123456789, 1000)

# Larger magnitudes, still within 64 bits.
big = 9223372036854775807
print(big // 2, big % 2)
print(-big // 2, -big % 2)
print((-big - 1) // 3, (-big - 1) % 3)
print(big // -7, big % -7)

# Sweep a small grid and count how often C-style truncation would disagree.
disagree = 0
for a in range(-6, 7):
    for b in range(-3, 4):
        if b == 0:
            continue
        q = a // b
        truncated = int(a / b)
        if q != truncated:
            disagree += 1
print("quotients that differ from truncation:", disagree)
