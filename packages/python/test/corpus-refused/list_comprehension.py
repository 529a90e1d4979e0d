# expect: unsupported: list comprehension
# at: 4:11
# Comprehensions are outside the subset.
squares = [n * n for n in range(10)]
print(squares)
