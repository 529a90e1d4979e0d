# A product accumulated by recursion that outgrows 64 bits becomes a big int, never wraps.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


print(factorial(20))
print(factorial(25))
