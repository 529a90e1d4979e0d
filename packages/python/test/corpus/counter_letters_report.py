# Letter frequencies of a paragraph with collections.Counter: most common, vowels share, a bar chart.
from collections import Counter

text = """Sphinx of black quartz, judge my vow. The five boxing wizards jump quickly.
How vexingly quick daft zebras jump!"""
letters = Counter(ch for ch in text.lower() if ch.isalpha())
total = sum(letters.values())
print("letters:", total, "distinct:", len(letters))
for ch, n in letters.most_common(6):
    print(f"{ch} {n:3d} {'#' * n}")
vowels = sum(letters[v] for v in "aeiou")
print("vowel share: %.3f" % (vowels / total))
missing = [ch for ch in "abcdefghijklmnopqrstuvwxyz" if letters[ch] == 0]
print("missing:", missing)
rare = sorted(ch for ch, n in letters.items() if n == 1)
print("once:", "".join(rare))
