# Leibniz series for pi: one float division per term, alternating sign.
def leibniz(terms):
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total


pi = leibniz(250000000)
print(f"{pi:.12f}")
