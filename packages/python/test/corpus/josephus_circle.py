# The Josephus problem by simulation with a list and by the recurrence, for several step sizes.
def simulate(n: int, k: int) -> tuple[list[int], int]:
    people = list(range(1, n + 1))
    order: list[int] = []
    i = 0
    while len(people) > 1:
        i = (i + k - 1) % len(people)
        order.append(people.pop(i))
    return order, people[0]


def recurrence(n: int, k: int) -> int:
    survivor = 0
    for m in range(2, n + 1):
        survivor = (survivor + k) % m
    return survivor + 1


order, last = simulate(7, 3)
print("elimination order:", order, "survivor:", last)
print("n=41 k=3 survivor:", simulate(41, 3)[1], recurrence(41, 3))
for k in range(1, 6):
    row = [recurrence(n, k) for n in range(1, 16)]
    agree = all(simulate(n, k)[1] == row[n - 1] for n in range(1, 16))
    print(f"k={k}: {row} {agree}")
powers = [n for n in range(1, 65) if recurrence(n, 2) == 1]
print("k=2 survivor is 1 for n in", powers)
print(recurrence(1000000, 2), 2 * (1000000 - 2 ** 19) + 1)
