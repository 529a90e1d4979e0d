# math.sqrt of a negative number: "math domain error".
import math


def root_of_discriminant(a, b, c):
    return math.sqrt(b * b - 4 * a * c)


print(root_of_discriminant(1, 5, 6))
print(root_of_discriminant(1, 2, 1))
print(root_of_discriminant(1.0, 1.0, 1.0))
