# expect: unsupported: itertools.combinations() with r not an int literal
# at: 7:36
# The length of combinations' tuples is part of their static type, so r must be an int literal.
from itertools import combinations

k = 2
print(list(combinations([1, 2, 3], k)))
