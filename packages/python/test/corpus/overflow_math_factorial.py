# math.factorial(20) fits in 64 bits; 21! does not.
import math


def choose(n, k):
    return math.factorial(n) // (math.factorial(k) * math.factorial(n - k))


for n in range(15, 21):
    print(n, math.factorial(n), choose(n, 3))
print(choose(20, 10))
print(math.factorial(21))
