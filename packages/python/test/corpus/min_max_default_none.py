# min and max with default=None give None for an empty iterable, the extreme otherwise.
def best_score(scores):
    top = max(scores, default=None)
    if top is None:
        return "no scores"
    return f"best {top}"


print(max([], default=None), max([3, 1], default=None), min([2.5, 1.5], default=None))
print(min(["b", "a"], default=""), min([], default=-1), max((w for w in ["x", "yy"]), key=len, default=None))
print(best_score([]), best_score([4, 9, 2]))
names = {"ann": 3, "bob": 5}
print(max(names, key=lambda n: names[n], default=None), min({}, default=None))
