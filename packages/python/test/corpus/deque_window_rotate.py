# Bounded deques as sliding windows, rotation, and what CPython allows while iterating.
from collections import deque
import collections

readings = [3, 8, 1, 9, 4, 7, 2]
window = deque(maxlen=3)
for value in readings:
    window.append(value)
    print(list(window), round(sum(window) / len(window), 2), max(window))
print(window, deque(readings, 2), deque([], maxlen=0), collections.deque("ab", None))
recent = deque(["a", "b", "c"], maxlen=3)
recent.appendleft("z")
print(recent)
recent.extend("de")
print(recent, recent == deque(["c", "d", "e"]), deque([1, 2]) < deque([1, 2, 0]))
ring = deque(range(1, 6))
ring.rotate()
print(ring)
ring.rotate(-2)
print(ring)
ring.rotate(12)
print(ring, [x * 10 for x in ring], sorted(ring), ring[1])
ring[0] = 100
ring[-1] += 5
print(ring, deque([deque([1]), deque([2, 3])]), deque([None, "s"]), deque([True, False]), deque([0.5]))
doubled = deque([1, 2, 3])
doubled.extend(doubled)
print(doubled, len(doubled))
doubled.clear()
print(doubled, len(doubled), not doubled)
names = deque(["x", "y"])
for name in names:
    if name == "y":
        names.append("late")
print("unreachable")
