# math.log of zero: "math domain error".
import math


def entropy_term(p):
    return -p * math.log(p, 2)


for k in range(4, 0, -1):
    p = k / 8
    print(p, math.log(p), entropy_term(p))
for k in range(3, -1, -1):
    x = k * 0.5
    print(x, math.log(x))
