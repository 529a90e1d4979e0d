# expect: unsupported: a float as argument 2 of random.randint()
# at: 6:7
# CPython 3.11 takes an integral float here with a DeprecationWarning and raises ValueError for any
# other; the subset takes ints only.
import random
print(random.randint(1, 6.0))
