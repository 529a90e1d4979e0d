# List methods, negative indexes, slicing, and the IndexError of an index past the end.
xs = [5, 3, 8, 1]
xs.insert(0, 9)
xs.insert(-1, 7)
xs.insert(100, 2)
print(xs, xs.index(8), xs.count(3))
xs.remove(3)
print(xs.pop(), xs.pop(0), xs)
xs.extend([4, 4])
xs.reverse()
print(xs, xs[-2], xs[1:-1], xs[::2], xs[::-1][:2])
ys = xs.copy()
ys.sort(reverse=True)
print(ys, xs == ys, sorted(xs) == sorted(ys), [1, 2] < [1, 3], [2] > [1, 9])
del ys[1:3]
print(ys, len(ys))
ys.clear()
print(ys, 4 in xs, 99 not in xs)
print(xs[10])
