# The counting idiom d[k] = d.get(k, default) op x, with ints, floats and big ints, new keys placed
# where the assignment puts them, and the cases it must leave alone (an expression as key, a default
# of another type).
text = "the quick brown fox jumps over the lazy dog the fox"
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3])

scores = {"x": 1.5}
for i, name in enumerate(["x", "y", "x", "z"]):
    scores[name] = scores.get(name, 2.0) * 2
    scores[name] = scores.get(name, 0.0) - i
print(scores)

products = {}
for k in range(1, 30):
    products[k % 3] = products.get(k % 3, 1) * k
key = 7
products[key] = products.get(key, 2**70) - key
print(products)

lengths = {}
for word in text.split():
    n = len(word)
    lengths[n] = lengths.get(n, 0) + n
print(lengths, sum(lengths.values()))
