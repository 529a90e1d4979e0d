# Dict and set comprehensions: inverting a mapping, filtering, squares, and letter sets of words.
prices = {"apple": 3, "pear": 4, "fig": 3, "kiwi": 2, "plum": 4}
by_price = {}
for fruit, p in prices.items():
    by_price.setdefault(p, []).append(fruit)
print(by_price)
cheap = {f: p for f, p in prices.items() if p <= 3}
print(cheap)
doubled = {f.upper(): p * 2 for f, p in sorted(prices.items())}
print(doubled)
squares = {n: n * n for n in range(1, 7)}
print(squares, sum(squares.values()))
lengths = {len(f) for f in prices}
print(sorted(lengths))
words = ["level", "rotor", "stats", "apple"]
letter_sets = {w: len(set(w)) for w in words}
print(letter_sets)
common = set(words[0]) & set(words[1])
print(sorted(common), sorted({c for w in words for c in w if c in "aeiou"}))
