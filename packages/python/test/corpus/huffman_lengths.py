# Builds Huffman codes for a text using a sorted list as the priority queue, then encodes and decodes.
TEXT = "this is an example of a huffman tree built from a short sentence"

freq: dict[str, int] = {}
for ch in TEXT:
    freq[ch] = freq.get(ch, 0) + 1

queue: list[tuple[int, str]] = sorted((n, ch) for ch, n in freq.items())
codes: dict[str, str] = {ch: "" for ch in freq}
while len(queue) > 1:
    n1, group1 = queue.pop(0)
    n2, group2 = queue.pop(0)
    for ch in group1:
        codes[ch] = "0" + codes[ch]
    for ch in group2:
        codes[ch] = "1" + codes[ch]
    merged = (n1 + n2, "".join(sorted(group1 + group2)))
    i = 0
    while i < len(queue) and queue[i] < merged:
        i += 1
    queue.insert(i, merged)

for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
    print(f"{ch!r} {freq[ch]:>2} {codes[ch]}")
encoded = "".join(codes[ch] for ch in TEXT)
print(len(encoded), "bits vs", 8 * len(TEXT), f"({len(encoded) / (8 * len(TEXT)):.1%})")
reverse = {code: ch for ch, code in codes.items()}
decoded = ""
buffer = ""
for bit in encoded:
    buffer += bit
    if buffer in reverse:
        decoded += reverse[buffer]
        buffer = ""
print(decoded == TEXT, encoded[:48])
prefix_free = all(not b.startswith(a) for a in codes.values() for b in codes.values() if a != b)
print("prefix free:", prefix_free, "kraft sum:", sum(2.0 ** -len(c) for c in codes.values()))
