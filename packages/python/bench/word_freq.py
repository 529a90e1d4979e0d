# bench-size: 8000000
# Word frequencies of a text of N words generated from a seed by an LCG (words of 1-5 letters out
# of 8, twelve to a line): split, counted in a dict, sorted by count then word; the top 10 and a
# checksum of the whole ranking. String building, str.split, str-keyed dict updates and a keyed sort.
import sys

LETTERS = "etaoinsh"


def generate(n_words, seed):
    state = seed
    words = []
    for _ in range(n_words):
        state = (state * 1103515245 + 12345) % 2147483648
        length = 1 + (state >> 16) % 5
        chars = []
        for _ in range(length):
            state = (state * 1103515245 + 12345) % 2147483648
            chars.append(LETTERS[(state >> 16) % 8])
        words.append("".join(chars))
    lines = []
    for start in range(0, n_words, 12):
        lines.append(" ".join(words[start : start + 12]))
    return "\n".join(lines)


def main():
    n = int(sys.argv[1])
    text = generate(n, 42)
    counts: dict[str, int] = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    for word, count in ranked[:10]:
        print(word, count)
    checksum = 0
    for word, count in ranked:
        checksum = (checksum * 31 + count * len(word)) % 1000000007
    print(len(text), len(counts), checksum)


main()
