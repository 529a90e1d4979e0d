# Random walks on a line and a grid; steps from randrange with a step of 2 and from randint.
from random import randint, randrange, seed


def line_walk(steps: int) -> None:
    position = 0
    farthest = 0
    returns = 0
    for _ in range(steps):
        position += randrange(-1, 2, 2)
        if abs(position) > farthest:
            farthest = abs(position)
        if position == 0:
            returns += 1
    print("line:", position, farthest, returns)


def grid_walk(steps: int) -> None:
    x = 0
    y = 0
    for _ in range(steps):
        direction = randint(0, 3)
        if direction == 0:
            x += 1
        elif direction == 1:
            x -= 1
        elif direction == 2:
            y += 1
        else:
            y -= 1
    print("grid:", x, y, "distance", (x * x + y * y) ** 0.5)


seed(1)
line_walk(100000)
grid_walk(50000)
seed(42)
for _ in range(5):
    line_walk(1000)
seed(2**32 + 5)
grid_walk(10)
