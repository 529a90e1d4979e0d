# expect: unsupported: lambda
# at: 4:10
# Lambdas are outside the subset.
square = lambda x: x * x
print(square(7))
