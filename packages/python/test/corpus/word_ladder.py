# Finds shortest word ladders (one letter changed at a time) by breadth-first search.
WORDS = """cold cord card ward warm word worm wore core care dare date gate late lame
lime line fine fire hire here hare bare barn warn worn corn cone bone bore more mare""".split()
VOCAB = set(WORDS)


def neighbours(word: str) -> list[str]:
    out: list[str] = []
    for i in range(len(word)):
        for ch in "abcdefghijklmnopqrstuvwxyz":
            if ch != word[i]:
                cand = word[:i] + ch + word[i + 1:]
                if cand in VOCAB:
                    out.append(cand)
    return out


def ladder(start: str, goal: str) -> list[str]:
    prev = {start: start}
    frontier = [start]
    while frontier and goal not in prev:
        nxt: list[str] = []
        for w in frontier:
            for n in neighbours(w):
                if n not in prev:
                    prev[n] = w
                    nxt.append(n)
        frontier = nxt
    path: list[str] = []
    if goal in prev:
        path.append(goal)
        while path[-1] != start:
            path.append(prev[path[-1]])
        path.reverse()
    return path


for a, b in [("cold", "warm"), ("lime", "bone"), ("card", "fire"), ("cold", "cold"), ("date", "worn")]:
    steps = ladder(a, b)
    print(f"{a} -> {b}: {' > '.join(steps) if steps else 'no ladder'} ({max(len(steps) - 1, 0)} steps)")
degree = {w: len(neighbours(w)) for w in WORDS}
hub = max(sorted(degree), key=lambda w: degree[w])
print("best connected:", hub, sorted(neighbours(hub)))
print("isolated:", [w for w in WORDS if degree[w] == 0])
