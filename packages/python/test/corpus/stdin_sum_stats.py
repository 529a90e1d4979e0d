# Reads numbers from standard input, one per line, and prints count, sum, mean, min and max.
# stdin: 12 7 3 21 8 15
import sys

nums = []
for line in sys.stdin:
    line = line.strip()
    if line:
        nums.append(int(line))
print("count", len(nums))
print("sum", sum(nums))
print("mean %.3f" % (sum(nums) / len(nums)))
print("min", min(nums), "max", max(nums))
print("sorted", sorted(nums))
print("above mean", [n for n in nums if n > sum(nums) / len(nums)])
