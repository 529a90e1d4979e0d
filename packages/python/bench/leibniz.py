# bench-size: 250000000
# Leibniz series for pi over N terms: one float division per term, alternating sign.
import sys


def leibniz(terms):
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total


pi = leibniz(int(sys.argv[1]))
print(f"{pi:.12f}")
