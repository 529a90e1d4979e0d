# expect: unsupported: raise
# at: 6:9
# Raising exceptions explicitly is outside the subset.
def check(n):
    if n < 0:
        raise ValueError("negative")
    return n


print(check(3))
