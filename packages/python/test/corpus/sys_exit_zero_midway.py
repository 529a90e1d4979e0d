# sys.exit(0) from inside nested loops ends the program successfully.
import sys

count = 0
for i in range(1, 10):
    for j in range(1, 10):
        count += 1
        if i * j == 24:
            print("found", i, j, "after", count, "steps")
            sys.exit(0)
print("not found")
