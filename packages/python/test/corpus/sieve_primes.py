# The sieve of Eratosthenes on a list of bools, and prime statistics.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return [k for k in range(n + 1) if is_prime[k]]


primes = sieve(10000)
print(len(primes), primes[:10], primes[-3:])
gaps = [b - a for a, b in zip(primes, primes[1:])]
print(max(gaps), gaps.index(max(gaps)), sum(gaps) / len(gaps))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes[-200:]) or p < 50 and p + 2 in primes]
print(twins[:6], len(twins))
