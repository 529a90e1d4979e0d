# Linear and binary searches that return an index or None, and callers that narrow the result.
def linear_search(xs, target):
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return None


def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return None


data = [2, 3, 5, 7, 11, 13, 17, 19, 23]
for t in [7, 8, 23, 2, 1]:
    a = linear_search(data, t)
    b = binary_search(data, t)
    if a is not None and b is not None:
        print(t, "at", a, b, a == b)
    else:
        print(t, "absent", a, b)
