# Plays the card game War with a seeded shuffled deck and reports the game's course.
import random

random.seed(11)
RANKS = "23456789TJQKA"
SUITS = "SHDC"
deck = [r + s for r in RANKS for s in SUITS]
random.shuffle(deck)
print(len(deck), "cards; top five:", deck[:5])


def value(card: str) -> int:
    return RANKS.index(card[0])


a = deck[:26]
b = deck[26:]
rounds = 0
wars = 0
lead_changes = 0
leader = "tie"
while a and b and rounds < 2000:
    rounds += 1
    pile = [a.pop(0), b.pop(0)]
    while value(pile[-2]) == value(pile[-1]):
        wars += 1
        if len(a) < 2 or len(b) < 2:
            break
        pile += [a.pop(0), b.pop(0), a.pop(0), b.pop(0)]
    pile_sorted = sorted(pile, key=lambda c: (-value(c), c))
    if value(pile[-2]) > value(pile[-1]):
        a.extend(pile_sorted)
    else:
        b.extend(pile_sorted)
    now = "A" if len(a) > len(b) else ("B" if len(b) > len(a) else "tie")
    if now != leader:
        lead_changes += 1
        leader = now
    if rounds % 100 == 0:
        print(f"round {rounds:>4}: A has {len(a):>2}, B has {len(b):>2}")
winner = "A" if len(a) > len(b) else "B"
print("rounds:", rounds, "wars:", wars, "lead changes:", lead_changes, "winner:", winner)
print("winner's aces:", sorted(c for c in (a if winner == "A" else b) if c[0] == "A"))
hand = random.sample(deck, 5)
hand = sorted(hand, key=lambda c: (value(c), c))
counts: dict[str, int] = {}
for c in hand:
    counts[c[0]] = counts.get(c[0], 0) + 1
print("random hand:", hand, "pairs:", sorted(r for r, n in counts.items() if n >= 2))
