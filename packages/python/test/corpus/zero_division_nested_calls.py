# An exception three calls deep: the traceback lists every frame, outermost first.
def normalise(value, scale):
    return value / scale


def score(points, rounds):
    per_round = normalise(points, rounds)
    return per_round * 10


def report(name, points, rounds):
    print(name, "scored", score(points, rounds))


report("alice", 30, 3)
report("bob", 12, 4)
report("carol", 7, 0)
print("not reached")
