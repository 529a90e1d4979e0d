# Functions that return early, return nothing, or fall off the end return None.
def find_first_multiple(start, k):
    n = start
    while True:
        if n % k == 0:
            return n
        n += 1


def report(x):
    if x < 0:
        print("negative, stopping early")
        return
    print("value", x)


def nothing():
    return None


def implicit():
    x = 1 + 1


def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0


print(find_first_multiple(100, 7), find_first_multiple(1, 1), find_first_multiple(-10, 4))
print(report(5))
print(report(-5))
print(nothing(), implicit())
r = report(0)
print("r is", r)
for x in range(-2, 3):
    print(x, sign(x), sign(x * 0.5))
