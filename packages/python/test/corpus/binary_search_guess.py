# Guessing a secret number by binary search, and integer square roots by bisection.
def guesses_needed(secret, low, high):
    guesses = 0
    while low <= high:
        mid = (low + high) // 2
        guesses += 1
        if mid == secret:
            return guesses
        if mid < secret:
            low = mid + 1
        else:
            high = mid - 1
    return -1


worst = 0
total = 0
for secret in range(1, 1001):
    g = guesses_needed(secret, 1, 1000)
    total += g
    worst = max(worst, g)
print("worst:", worst, "average:", total / 1000)
print(guesses_needed(1, 1, 1000), guesses_needed(500, 1, 1000), guesses_needed(0, 1, 1000))


def int_sqrt(n):
    lo = 0
    hi = min(n, 3037000499) + 1
    while hi - lo > 1:
        mid = lo + (hi - lo) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo


print(int_sqrt(0), int_sqrt(1), int_sqrt(80), int_sqrt(81), int_sqrt(9223372036854775807))
# Midpoints of large bounds: (low + high) // 2 would overflow 64 bits here in C; lo + (hi - lo) // 2 does not.
low = 9223372036854775000
high = 9223372036854775806
print(low + (high - low) // 2)
