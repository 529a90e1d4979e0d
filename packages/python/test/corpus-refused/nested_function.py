# expect: unsupported: nested function
# at: 5:5
# Functions defined inside functions (closures) are outside the subset.
def make_total(n):
    def helper(k):
        return k * n

    return helper(3) + helper(4)


print(make_total(5))
