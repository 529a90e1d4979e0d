# sys.exit() with no argument, or with None, exits with status 0.
import sys

steps = 0
n = 27
while True:
    if n == 1:
        print("reached 1 after", steps, "steps")
        sys.exit()
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
