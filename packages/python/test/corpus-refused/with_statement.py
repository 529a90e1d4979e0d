# expect: unsupported: a with statement over a list[int] (files only)
# at: 5:6
# A with statement works on files only (context managers of other kinds are not compiled yet).
items = [1, 2]
with items as x:
    print(x)
