# dict() of a defaultdict is a plain dict; Counter from a mapping and Counter.update add counts;
# a value that may be None narrowed after `continue` and after an assignment; ends with a KeyError.
from collections import Counter, defaultdict
d = defaultdict(int)
d["a"] += 1
p = dict(d)
print(p, "b" in p)
c = Counter({"a": 3, "b": 2})
print(c["a"], c)
u = Counter()
u.update(Counter("aab"))
u.update(Counter("a"))
u.update(["b", "c"])
print(u)
def half(n):
    if n % 2:
        return None
    return n / 2
for n in [1, 4, 6]:
    h = half(n)
    if h is None:
        continue
    print(h > 1.0)
g = half(3)
if g is None:
    g = 0.0
print(g > 1.0, g)
print(p["b"])
