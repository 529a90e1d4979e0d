# collections.namedtuple: classes made by field strings or lists, construction by position and
# keyword, field reads, indexing and unpacking, printing (repr, nested in lists and dicts), equality
# with plain tuples, hashing and dict keys, sorting, _replace, a one-field class and tuple
# concatenation.
import collections
from collections import namedtuple

Point = namedtuple("Point", "x y")
Employee = collections.namedtuple("Employee", ["name", "dept", "salary"])
Pair = namedtuple("Pair", "first, second")
Single = namedtuple("Single", ("value",))


def distance2(p, q):
    return (p.x - q.x) ** 2 + (p.y - q.y) ** 2


p = Point(1, 2)
q = Point(y=6, x=4)
print(p, q, distance2(p, q))
print(p.x, p[1], p[-1], len(p), p == (1, 2), p == q, p < q)
x, y = q
print(x + y, tuple(p), list(q))
staff = [
    Employee("ann", "eng", 120.5),
    Employee("bob", "ops", 95.0),
    Employee(name="cy", salary=130.25, dept="eng"),
]
for e in sorted(staff, key=lambda e: -e.salary):
    print(f"{e.name:>4} {e.dept} {e.salary:8.2f}")
print(staff[0])
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept)
seen = {Point(0, 0): "origin", p: "p"}
print(seen[Point(1, 2)], seen[(0, 0)], hash(p) == hash((1, 2)))
moved = p._replace(x=10)
print(moved, p, moved._replace(y=-1, x=0))
print(Pair("a", [1, 2]), Single(3.5), [Single(1), Single(2)])
print(repr(Pair(first=None, second="z")), str(q))
total = Point(0, 0)
for i in range(5):
    total = Point(total.x + i, total.y - i)
print(total)
print(Point(1, 2) + (3,))
