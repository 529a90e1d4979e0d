# Top-k queries over game scores: best per player, overall leaders and a rank histogram.
import random

random.seed(7)
players = ["ash", "brook", "misty", "gary", "tracey", "dawn", "iris", "cilan"]
scores: list[tuple[str, int]] = []
for i in range(60):
    scores.append((random.choice(players), random.randint(100, 999)))

best: dict[str, int] = {}
games: dict[str, int] = {}
for name, s in scores:
    if name not in best or s > best[name]:
        best[name] = s
    games[name] = games.get(name, 0) + 1

k = 3
leaders = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
print("top", k, "players:", leaders)
top_games = sorted(scores, key=lambda t: t[1], reverse=True)[:5]
for i, (name, s) in enumerate(top_games):
    print(f"#{i + 1} {name:<7} {s}")
bottom = sorted(scores, key=lambda t: t[1])[:3]
print("lowest:", bottom)

buckets = [0] * 9
for name, s in scores:
    buckets[s // 100 - 1] += 1
for i, n in enumerate(buckets):
    lo = (i + 1) * 100
    print(f"{lo}-{lo + 99} | {'*' * n}")
averages = {p: sum(s for n, s in scores if n == p) / games[p] for p in games}
for p in sorted(averages, key=lambda p: averages[p], reverse=True):
    print(f"{p:<7} games={games[p]:>2} avg={averages[p]:7.2f} best={best[p]}")
print(sum(games.values()), len(set(n for n, s in scores)))
