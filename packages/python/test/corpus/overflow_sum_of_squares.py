# An accumulating sum that eventually leaves the 64-bit range.
def square(v):
    return v * v


total = 0
step = 0
n = 1000000000
while step < 10:
    total += square(n)
    step += 1
    print(step, total)
