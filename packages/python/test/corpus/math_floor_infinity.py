# math.floor of infinity cannot produce an int: OverflowError.
import math

values = 0
x = 1.5
while values < 4:
    print(x, math.floor(x), math.ceil(x))
    x *= -3.0
    values += 1
print(math.floor(float("inf")))
