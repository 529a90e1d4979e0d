# A small state machine: while True with break, continue and counters.
state = 0
steps = 0
visited = ""
while True:
    steps += 1
    if steps > 50:
        print("too many steps")
        break
    if state == 0:
        visited += "A"
        state = 1
        continue
    if state == 1:
        visited += "B"
        state = 2 if steps % 3 == 0 else 0
        continue
    if state == 2:
        visited += "C"
        break
print(visited, steps)


def first_square_above(limit):
    n = 0
    while True:
        n += 1
        if n * n <= limit:
            continue
        return n


print(first_square_above(50), first_square_above(0), first_square_above(1000000))

hits = 0
for x in range(1, 30):
    if x % 2 == 0:
        continue
    if x > 21:
        break
    for y in range(x, 30):
        if y % x == 0 and y != x:
            hits += 1
            break
print("hits", hits)
