# Factorials grow past 64 bits at 21!: CPython switches to big ints, and so do we.
def trailing_zeros(n):
    zeros = 0
    while n % 10 == 0:
        zeros += 1
        n //= 10
    return zeros


f = 1
for n in range(1, 22):
    f *= n
    print(n, f, trailing_zeros(f))
