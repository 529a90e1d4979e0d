# Number theory helpers: sieve, factorisation, gcd/lcm, Euler's totient, perfect and amicable numbers.
import math


def sieve(n: int) -> list[int]:
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, math.isqrt(n) + 1):
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
    return [i for i, p in enumerate(is_prime) if p]


def factorise(n: int) -> dict[int, int]:
    factors: dict[int, int] = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def totient(n: int) -> int:
    result = n
    for p in factorise(n):
        result = result // p * (p - 1)
    return result


def divisor_sum(n: int) -> int:
    return sum(d + (n // d if d * d != n and d != 1 else 0) for d in range(1, math.isqrt(n) + 1) if n % d == 0)


primes = sieve(100)
print(len(primes), primes[-5:])
for n in [360, 97, 1001, 65536, 600851475143, 9699690]:
    f = factorise(n)
    text = " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items()))
    print(f"{n} = {text}")
print([totient(n) for n in range(1, 21)])
print(math.gcd(462, 1071), 462 * 1071 // math.gcd(462, 1071), math.lcm(math.lcm(4, 6), 10))
print("perfect:", [n for n in range(2, 10000) if divisor_sum(n) == n])
amicable = sorted({(a, divisor_sum(a)) for a in range(2, 3000) if divisor_sum(a) != a and divisor_sum(divisor_sum(a)) == a and a < divisor_sum(a)})
print("amicable:", amicable)
twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
gaps = [q - p for p, q in zip(primes, primes[1:])]
print(len(twins), twins[:5], "largest gap", max(gaps))
