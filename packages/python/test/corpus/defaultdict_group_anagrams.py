# Groups words into anagram families with defaultdict(list) keyed by sorted letters.
from collections import defaultdict

words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "inlets"]
families = defaultdict(list)
for w in words:
    key = "".join(sorted(w))
    families[key].append(w)
for key in sorted(families, key=lambda k: (-len(families[k]), k)):
    group = families[key]
    print(f"{key:<8}{len(group)} {' '.join(sorted(group))}")
singles = sum(1 for g in families.values() if len(g) == 1)
print("families", len(families), "singles", singles)
