# _ as a throwaway of any type, sort keys, join of any iterable, bin/oct/hex and int with a base.
import random
rows = [("a", 1, 2.5), ("b", 2, 3.5)]
print([x for x, _, _ in rows])
for _ in range(2):
    pass
for _, n in [("a", 1)]:
    print(n)
xs = [3, 1, 2]
xs.sort(key=lambda g: -g)
print(xs, " ".join({"a": 1, "b": 2}), "-".join("abc"), ",".join(str(i) for i in range(3)))
print(bin(5), oct(8), hex(255), bin(-5), int("ff", 16), int("0b101", 0))
random.seed(3)
print(sorted(random.sample([1, 2, 3], 2)))
def f(n: int) -> list[int]:
    out: list[int] = []
    if n == 0:
        return [n]
    return out
print(f(0), f(1))
