# expect: unsupported: random.triangular() of int, int, int
# at: 5:7
# With a mode, CPython returns low itself when high == low: an int low would make the result's type depend on values.
import random
print(random.triangular(1, 3, 2))
