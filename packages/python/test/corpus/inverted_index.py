# Builds an inverted index over short documents and answers AND / OR / NOT queries.
DOCS = [
    "the cat sat on the mat",
    "the dog chased the cat",
    "a bird sang on the wire",
    "dogs and cats living together",
    "the mat was red and the dog was brown",
    "birds of a feather flock together",
]
STOP = {"the", "a", "on", "and", "of", "was"}

index: dict[str, set[int]] = {}
for doc_id, text in enumerate(DOCS):
    for position, word in enumerate(text.split()):
        if word not in STOP:
            index.setdefault(word, set()).add(doc_id)

print(len(index), "terms")
for term in sorted(index, key=lambda t: (-len(index[t]), t))[:6]:
    print(f"{term:<9} {sorted(index[term])}")
all_docs = set(range(len(DOCS)))


def lookup(term: str) -> set[int]:
    return index.get(term, set())


queries = [("cat", "AND", "dog"), ("cat", "OR", "bird"), ("together", "NOT", "dogs"), ("mat", "AND", "red"),
           ("unicorn", "OR", "wire")]
for a, op, b in queries:
    if op == "AND":
        hits = lookup(a) & lookup(b)
    elif op == "OR":
        hits = lookup(a) | lookup(b)
    else:
        hits = lookup(a) - lookup(b)
    print(f"{a} {op} {b}: {sorted(hits)}", [DOCS[i][:20] for i in sorted(hits)])
print("in no query result:", sorted(all_docs - lookup("cat") - lookup("dog") - lookup("bird")))
print("symmetric:", sorted(lookup("mat") ^ lookup("dog")))
vocab_sizes = [len({w for w in d.split()} - STOP) for d in DOCS]
print(vocab_sizes, max(vocab_sizes), sum(vocab_sizes))
