# Tallies ranked ballots: first-choice counts with Counter and an instant-runoff elimination.
from collections import Counter

ballots = [["ann", "bob", "cy"], ["bob", "ann", "cy"], ["cy", "bob", "ann"], ["ann", "cy", "bob"],
           ["bob", "cy", "ann"], ["cy", "bob", "ann"], ["bob", "ann", "cy"], ["cy", "ann", "bob"],
           ["ann", "bob", "cy"]]
alive = {"ann", "bob", "cy"}
rnd = 1
while True:
    tally = Counter()
    for b in ballots:
        for name in b:
            if name in alive:
                tally[name] += 1
                break
    print("round", rnd, sorted(tally.items()))
    leader, votes = tally.most_common(1)[0]
    if votes * 2 > len(ballots):
        print("winner", leader, votes)
        break
    loser = min(sorted(alive), key=lambda n: tally[n])
    print("eliminate", loser)
    alive.remove(loser)
    rnd += 1
