# Factorials with hundreds of digits: digit sums, trailing zeros, and the leading digits.
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def digit_sum(n):
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total


def trailing_zeros(n):
    zeros = 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return zeros


for n in [0, 1, 5, 20, 21, 25, 50, 100, 170, 250]:
    f = factorial(n)
    text = str(f)
    print(n, len(text), digit_sum(f), trailing_zeros(f) if f else 0, text[:12], text[-6:])
print(factorial(100))
print(factorial(30) // factorial(28), factorial(52) % 1000000007)
