# expect: unsupported: yield
# at: 7:9
# Generators are outside the subset.
def countdown(n):
    while n > 0:
        n -= 1
        yield n


for i in countdown(3):
    print(i)
