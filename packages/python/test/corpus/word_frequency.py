# Word frequencies of a text, most common first, ties in alphabetical order.
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""

counts: dict[str, int] = {}
for raw in TEXT.split():
    word = raw.strip(".,;").lower()
    counts[word] = counts.get(word, 0) + 1

ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
for word, n in ranked[:8]:
    print(f"{word:<12}{n:>3}")
print(len(counts), "distinct words;", sum(counts.values()), "in all")
print(max(counts, key=lambda w: len(w)))
