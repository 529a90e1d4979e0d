# An index from words to line numbers with defaultdict(set) and defaultdict(int) counts per line.
from collections import defaultdict

lines = ["to be or not to be", "that is the question", "whether tis nobler in the mind", "to suffer"]
where = defaultdict(set)
per_line = defaultdict(int)
for no, line in enumerate(lines, 1):
    for w in line.split():
        where[w].add(no)
        per_line[no] += 1
for w in ["to", "the", "be", "question"]:
    print(w, sorted(where[w]))
print(dict(per_line))
print(sorted(w for w in where if len(where[w]) > 1))
