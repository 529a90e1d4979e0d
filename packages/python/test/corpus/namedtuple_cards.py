# namedtuples in containers and functions: a list of cards in a namedtuple, max and sorted by field
# keys, sets, membership and index, dict accumulation, unpacking, _replace in a comprehension,
# ordering, %-formatting and f-strings of named tuples, and a field from the command line.
from collections import namedtuple
import sys
Card = namedtuple("Card", "rank suit")
Hand = namedtuple("Hand", ["owner", "cards"])


def deal(n):
    suits = "SHDC"
    return [Card(r, suits[r % 4]) for r in range(2, 2 + n)]


def best(hand):
    return max(hand.cards, key=lambda c: c.rank)


h = Hand("ann", deal(5))
print(h)
print(best(h), best(h).rank, h.cards[0].suit)
cards = sorted(deal(6), key=lambda c: (c.suit, -c.rank))
print(cards)
print(set(deal(3)) == set(deal(3)), Card(2, "S") in deal(2), deal(2).index(Card(3, "C")))
counts = {}
for c in deal(9):
    counts[c.suit] = counts.get(c.suit, 0) + c.rank
print(counts)
r, s = Card(9, "D")
print(r, s, Card(9, "D")[0])
print(h._replace(owner="bob").owner, [c._replace(rank=c.rank * 2) for c in h.cards[:2]])
print(Card(1, "S") < Card(1, "T"), max(deal(4)))
print("%s and %r" % (Card(1, "x"), Card(2, "y")), f"{Card(3, 'z')}")
print(Card(rank=int(sys.argv[1]) if len(sys.argv) > 1 else 7, suit="H").rank)
