# Prime counting and twin primes by trial division.
def is_prime(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    d = 5
    while d * d <= n:
        if n % d == 0 or n % (d + 2) == 0:
            return False
        d += 6
    return True


count = 0
twins = 0
last = 0
largest_gap = 0
gap_after = 0
for n in range(2, 50000):
    if is_prime(n):
        count += 1
        if last and n - last == 2:
            twins += 1
        if last and n - last > largest_gap:
            largest_gap = n - last
            gap_after = last
        last = n
print("primes below 50000:", count)
print("twin pairs:", twins)
print("largest gap:", largest_gap, "after", gap_after)
print("largest prime:", last)
print(is_prime(2147483647), is_prime(2147483649), is_prime(1000000007), is_prime(999999999989))
