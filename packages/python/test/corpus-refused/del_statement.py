# expect: unsupported: del
# at: 6:1
# The del statement is outside the subset.
x = 10
print(x)
del x
