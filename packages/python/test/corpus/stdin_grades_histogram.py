# Reads exam scores from standard input and prints a histogram by ten-point band.
# stdin: 72 85 91 64 78 88 95 59 70 83 77 100
import sys
from collections import Counter

scores = [int(line) for line in sys.stdin if line.strip()]
bands = Counter(min(s // 10, 9) * 10 for s in scores)
for band in range(50, 100, 10):
    n = bands[band]
    print("%3d-%-3d %-6s %d" % (band, band + 9 if band < 90 else 100, "*" * n, n))
print("n=%d mean=%.1f" % (len(scores), sum(scores) / len(scores)))
passed = list(filter(lambda s: s >= 60, scores))
print("passed", len(passed), "failed", len(scores) - len(passed))
