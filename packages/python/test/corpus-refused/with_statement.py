# expect: unsupported: with statement
# at: 4:1
# with statements (and files) are outside the subset.
with open(__file__) as source:
    print(source.readline())
