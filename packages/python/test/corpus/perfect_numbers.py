# Perfect, abundant and deficient numbers by summing proper divisors.
def divisor_sum(n):
    if n == 1:
        return 0
    total = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            total += d
            other = n // d
            if other != d:
                total += other
        d += 1
    return total


perfect = 0
abundant = 0
deficient = 0
for n in range(1, 20001):
    s = divisor_sum(n)
    if s == n:
        perfect += 1
        print("perfect:", n)
    elif s > n:
        abundant += 1
    else:
        deficient += 1
print("abundant:", abundant, "deficient:", deficient, "perfect:", perfect)

# Amicable pairs below 10000.
for a in range(2, 10000):
    b = divisor_sum(a)
    if b > a and divisor_sum(b) == a:
        print("amicable pair:", a, b)
print(divisor_sum(33550336) == 33550336)
