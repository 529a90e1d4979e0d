# expect: unsupported: del
# at: 6:5
# The del statement is outside the subset.
x = 10
print(x)
del x
