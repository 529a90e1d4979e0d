# Ordering a value that may be None compiles; it raises CPython's TypeError when it holds None.
scores = {"ann": 3, "bob": 5}
best = max(scores, key=scores.get)
print(best, scores.get("cy"), scores.get("ann", 0) < 4)
lookup = scores.get("cy")
print(lookup == 3, lookup != "x", lookup is None)
print(scores.get("bob") > 4)
print(lookup < 3)
