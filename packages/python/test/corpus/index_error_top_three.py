# Prints the podium of a race from the sorted finish times; too few runners raise an IndexError.
def podium(times):
    ranked = sorted(times, key=lambda t: t[1])
    return ranked[0][0], ranked[1][0], ranked[2][0]


print(podium([("ann", 51.2), ("bob", 49.8), ("cy", 50.5), ("dee", 52.0)]))
print(podium([("eve", 60.1), ("fay", 58.3)]))
