# Modular exponentiation with big numbers: Fermat tests, a toy RSA round trip, Mersenne numbers.
def is_probable_prime(n):
    if n < 2:
        return False
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        if n % p == 0:
            return n == p
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


mersenne = [p for p in range(2, 130) if is_probable_prime(2**p - 1)]
print("Mersenne exponents:", mersenne)
p = 2**89 - 1
q = 2**107 - 1
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
message = 123456789012345678901234567890
cipher = pow(message, e, n)
print(cipher % 10**20, pow(cipher, d, n) == message)
print(pow(3, 10**18, 10**9 + 7), pow(-7, 3, 10**30), pow(2, 200) % 997)
print(2**521 - 1)
