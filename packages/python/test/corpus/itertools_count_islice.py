# itertools.count as an endless source ended by break or islice, and islice's forms.
import itertools
from itertools import count, islice


def first_square_above(limit):
    for n in count(1):
        if n * n > limit:
            return n
    return -1


ticket = 0
for ticket in count(1000, 25):
    if ticket >= 1100:
        break
print("last ticket", ticket, first_square_above(500))
for x in itertools.count(0.5, 0.25):
    if x > 1.5:
        break
    print(x, end=" ")
print()
print(list(islice(count(), 5)), list(islice(count(10, -3), 4)))
print(list(islice(filter(lambda n: n % 7 == 3, count()), 3)))
print(list(islice((n * n for n in count(1)), 2, 12, 3)))
letters = "abcdefghij"
print(list(islice(letters, 4)), list(islice(letters, 3, None)), list(islice(letters, 1, 9, 3)))
print(list(islice(letters, 8, 3)), list(islice(letters, None)), "".join(islice(letters, 0, None, 4)))
for i, word in enumerate(islice(["zero", "one", "two", "three"], 1, 3)):
    print(i, word)
print(sum(islice(count(1), 100)), max(islice(map(lambda n: n % 9, count(4)), 6)))
for big in count(2**62 - 2):
    if big > 2**62:
        print("past the immediates", big)
        break
print(list(islice(letters, 2, -1)))
