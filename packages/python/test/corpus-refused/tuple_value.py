# expect: unsupported: tuple
# at: 4:9
# Tuples as values (other than in `a, b = b, a` assignments) are outside the subset.
point = (3, 4)
print(point)
