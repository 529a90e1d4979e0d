# Rolls seeded Yahtzee hands and scores them in several categories.
import random

random.seed(5)


def counts_of(dice: list[int]) -> dict[int, int]:
    c: dict[int, int] = {}
    for d in dice:
        c[d] = c.get(d, 0) + 1
    return c


def score(dice: list[int]) -> dict[str, int]:
    c = counts_of(dice)
    shape = sorted(c.values(), reverse=True)
    uniq = sorted(set(dice))
    runs = "".join(str(d) for d in uniq)
    s = {"chance": sum(dice)}
    s["three"] = sum(dice) if shape[0] >= 3 else 0
    s["four"] = sum(dice) if shape[0] >= 4 else 0
    s["house"] = 25 if shape == [3, 2] else 0
    s["small"] = 30 if any(r in runs for r in ["1234", "2345", "3456"]) else 0
    s["large"] = 40 if runs in ("12345", "23456") else 0
    s["yahtzee"] = 50 if shape[0] == 5 else 0
    return s


totals: dict[str, int] = {}
hits: dict[str, int] = {}
for turn in range(12):
    dice = [random.randint(1, 6) for _ in range(5)]
    for reroll in range(2):
        c = counts_of(dice)
        keep = max(c, key=lambda face: (c[face], face))
        dice = [d if d == keep else random.randint(1, 6) for d in dice]
    s = score(dice)
    best = max(s, key=lambda k: (s[k], k))
    print(f"turn {turn + 1:>2}: {sorted(dice)} best {best} = {s[best]}")
    for k, v in s.items():
        totals[k] = totals.get(k, 0) + v
        if v > 0:
            hits[k] = hits.get(k, 0) + 1
for k in sorted(totals):
    print(f"{k:<8} total {totals[k]:>4} hit {hits.get(k, 0):>2} times")
print(score([2, 2, 3, 3, 3]), score([1, 2, 3, 4, 6])["small"], score([6, 6, 6, 6, 6])["yahtzee"])
