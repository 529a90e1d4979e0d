# expect: unsupported: assignment expression
# at: 5
# Assignment expressions (:=) are outside the subset.
n = 0
while (n := n + 1) < 5:
    print(n)
