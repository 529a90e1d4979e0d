# next() of an exhausted iterator without a default raises StopIteration.
it = iter(["only"])
print(next(it))
print(next(it))
