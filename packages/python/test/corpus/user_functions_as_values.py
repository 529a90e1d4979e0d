# Functions of one parameter passed as values: sort keys, min/max keys, map's function, filter's
# test, each specialised for the elements it is applied to.
import random


def value(card):
    rank = card[0]
    if isinstance(rank, int):
        return rank
    return {"J": 11, "Q": 12, "K": 13, "A": 14}[rank]


def is_even(n):
    return n % 2 == 0


def square(x):
    return x * x


def by_length_then_text(word):
    return (len(word), word)


def digits(n):
    return sum(int(d) for d in str(n))


random.seed(7)
deck = [(rank, suit) for suit in "SHDC" for rank in list(range(2, 11)) + ["J", "Q", "K", "A"]]
random.shuffle(deck)
hand = deck[:5]
print(hand)
print(sorted(hand, key=value), sum(value(c) for c in hand), max(hand, key=value))
print(list(map(square, range(6))), list(map(square, [0.5, 1.5])))
print(list(filter(is_even, range(10))), [n for n in map(square, range(5)) if is_even(n)])
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=by_length_then_text), min(words, key=by_length_then_text))
words.sort(key=by_length_then_text, reverse=True)
print(words)
print(sorted(range(1, 30), key=digits)[:8], max(range(100), key=digits))


def add(a, b):
    return a + b


def longer(a, b):
    return a if len(a) >= len(b) else b


from functools import reduce  # noqa: E402
from itertools import accumulate, groupby  # noqa: E402

print(reduce(add, [1, 2, 3, 4]), reduce(add, ["a", "b", "c"]), reduce(longer, words))
print(list(accumulate([1, 2, 3, 4], add)), reduce(add, [0.5, 0.25], 1.0))
records = [("a", 1), ("a", 2), ("b", 3)]


def first(r):
    return r[0]


for k, grp in groupby(records, key=first):
    print(k, len(list(grp)))
