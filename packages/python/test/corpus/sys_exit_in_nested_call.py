# sys.exit deep inside a call chain; no traceback is printed.
import sys


def level3(x):
    if x > 2:
        print("level3 exiting with", 40 + x)
        sys.exit(40 + x)
    return x


def level2(x):
    return level3(x + 1) + 1


def level1(x):
    return level2(x * 2) + 1


for start in range(5):
    print(start, level1(start))
