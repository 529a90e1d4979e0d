# sys.exit with a status: output so far is flushed, later code does not run.
import sys


def validate(n):
    if n % 7 == 0:
        print("invalid value", n)
        sys.exit(3)
    return n * 2


total = 0
for n in range(1, 20):
    total += validate(n)
    print("running total", total)
print("never reached")
