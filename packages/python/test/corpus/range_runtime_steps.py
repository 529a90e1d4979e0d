# range() whose step is only known at run time: ascending, descending, empty, single-element and
# ranges near the ends of the int64 range, each walked by a for loop and compared with len().
import sys

BIG = 2**63 - 1
SMALL = -(2**63)


def walk(start, stop, step):
    seen = []
    for i in range(start, stop, step):
        seen.append(i)
        if len(seen) == 5:
            break
    return seen


def total(start, stop, step):
    count = 0
    last = 0
    for i in range(start, stop, step):
        count += 1
        last = i
    return count, last


steps = [int(a) for a in sys.argv[1:]] or [1, 2, 3, -1, -2, -7, 100]
for step in steps:
    for start, stop in [(0, 10), (10, 0), (5, 5), (-3, 4), (4, -3), (0, 1), (1, 0), (-10, -20)]:
        print(step, start, stop, walk(start, stop, step), total(start, stop, step))
    print(step, walk(BIG - 3, BIG, step), walk(SMALL + 3, SMALL, step))
    print(step, walk(SMALL, BIG, step), walk(BIG, SMALL, step))
    print(step, total(BIG - 10, BIG, step), total(SMALL + 10, SMALL, step))

for step in steps:
    print(sum(i * i for i in range(-50, 50, step)), [x for x in range(20, -20, -step)][:4])
