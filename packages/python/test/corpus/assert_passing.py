# Assertions that hold do nothing, and the message expression is not evaluated.
def loud(msg):
    print("message evaluated:", msg)
    return msg


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


assert True
assert 1 + 1 == 2, "arithmetic is broken"
assert gcd(12, 18) == 6, loud("gcd failed")
assert 0.1 + 0.2 != 0.3
for n in range(1, 20):
    assert gcd(n, n * 3) == n, "gcd property"
    assert n * n >= n
assert not (1 > 2), loud("never")
x = 5
assert 0 < x < 10, "x out of range"
print("all assertions passed")
