# A tail call that steps a parameter by a constant: the traceback of an error at the bottom of the
# recursion still shows every call.
def by_three(n, total):
    if n <= 0:
        return total // n
    return by_three(n - 3, total + n)


print(by_three(32, 0))
print(by_three(30, 0))
