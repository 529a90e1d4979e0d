# list_comprehension: now compiled.
squares = [n * n for n in range(10)]
print(squares)
