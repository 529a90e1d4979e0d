# math.exp of a large argument: "math range error".
import math


def softplus(x):
    return math.log(1 + math.exp(x))


for x in range(100, 1000, 300):
    print(x, math.exp(x))
print(math.exp(709), math.exp(-1000))
print(softplus(0), softplus(10), softplus(-10), softplus(700))
print(softplus(710))
