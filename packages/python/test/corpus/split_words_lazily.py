# `for w in s.split()` walks the words without making the list: Unicode whitespace, empty and
# blank strings, nested in comprehensions and generator expressions, and counting words per line.
import sys

text = "  alpha beta\tgamma\n\n delta\u3000epsilon \u00a0 zeta  "
for w in text.split():
    print(repr(w), len(w))
print([w.upper() for w in "a  b c ".split()], sum(len(w) for w in "".split()), list("   ".split()))
for w in "one":
    print(w)
counts = {}
for line in ["x y x", "y z", ""]:
    for w in line.split():
        counts[w] = counts.get(w, 0) + 1
print(counts)
n = 0
for w in (" ".join(str(i) for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 5))).split():
    n += int(w)
print(n)
