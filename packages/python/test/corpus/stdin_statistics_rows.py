# stdin: 12 45 33 7 91 56 23 44 38 61
# Statistics of numbers read from stdin: mean, deviation, a histogram, rows of a float, an int
# remainder and a bool, and or of two of their bools (a bool beside floats stays a bool).
import sys
data = sys.stdin.read().split()
nums = [float(x) for x in data]
mean = sum(nums) / len(nums)
var = sum((x - mean) ** 2 for x in nums) / (len(nums) - 1)
print(f"n={len(nums)} mean={mean:.3f} sd={var ** 0.5:.3f}")
hist = {}
for x in nums:
    b = int(x // 10) * 10
    hist[b] = hist.get(b, 0) + 1
for b in sorted(hist):
    print(f"{b:>4}-{b + 9:<4} {'*' * hist[b]}")
median = sorted(nums)[len(nums) // 2]
print("median", median, "max", max(nums), "min", min(nums))
table = [[round(x / 3, 2), x % 7, x > mean] for x in nums[:4]]
for row in table:
    print(row)
print(table[0][2] or table[1][2], str(table[0][0]).rjust(8, "."))
row = [1.5, 2.0, True]
print(row, row[2] or row[1], row[0] or 7, [True, 2.5][0] is True)
