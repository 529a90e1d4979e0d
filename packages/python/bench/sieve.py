# bench-size: 64000000
# The sieve of Eratosthenes on a list of N + 1 booleans (`[True] * (n + 1)`), crossed off with a
# strided range loop; the count of primes up to N and a rolling hash of them as the checksum.
import sys


def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return is_prime


def main():
    n = int(sys.argv[1])
    is_prime = sieve(n)
    count = 0
    checksum = 0
    for k in range(n + 1):
        if is_prime[k]:
            count += 1
            checksum = (checksum * 31 + k) % 1000000007
    print(count, checksum)


main()
