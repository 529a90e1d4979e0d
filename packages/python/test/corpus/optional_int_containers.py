# Containers of int | None: a memo table of Nones filled with ints (big ones too), counts, membership,
# printing, equality, hashing, sets and dicts holding None beside ints, and %-formatting of them.
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
memo = [None] * (n + 1)
memo[0] = 0
memo[1] = 1


def fib(k):
    cached = memo[k]
    if cached is not None:
        return cached
    value = fib(k - 1) + fib(k - 2)
    memo[k] = value
    return value


print(fib(n), memo[: 5])
best = [None, 3, None, 2**70]
print(best, best.count(None), None in best, 3 in best, best.index(2**70))
print({1: None, 2: 5}, [x for x in best if x is not None])
d = {"a": 1}
got = [d.get("a"), d.get("b")]
print(got, got == [1, None], got[1] is None)
t = (None, 4)
print(t, t == (None, 4), hash(t) == hash((None, 4)))
s = {None, 1, 2**80}
print(len(s), None in s, 2**80 in s)
x = None
for k in range(3):
    if x is None or k > x:
        x = k
print(x, f"{x}", str(x), repr(memo[2]))
try_sort = [3, 1, 2]
print(sorted(try_sort))
print("%s and %s" % (memo[3], None), "{} {}".format(best[0], best[1]))
