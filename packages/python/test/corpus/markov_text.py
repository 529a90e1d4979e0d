# Generates seeded pseudo-sentences from a word-level Markov chain built over a small corpus.
import random

CORPUS = """the quick brown fox jumps over the lazy dog . the lazy dog sleeps in the sun .
the brown dog chases the quick cat . a quick cat jumps over the brown fox .
the sun shines on the lazy fox . a dog and a cat sleep in the sun ."""

words = CORPUS.split()
chain: dict[str, list[str]] = {}
for a, b in zip(words, words[1:]):
    chain.setdefault(a, []).append(b)
starts = [b for a, b in zip(words, words[1:]) if a == "."]
starts.append(words[0])

print(len(chain), "states;", sum(len(v) for v in chain.values()), "transitions")
for w in sorted(chain, key=lambda w: (-len(chain[w]), w))[:5]:
    follow: dict[str, int] = {}
    for nxt in chain[w]:
        follow[nxt] = follow.get(nxt, 0) + 1
    probs = ", ".join(f"{k} {v / len(chain[w]):.2f}" for k, v in sorted(follow.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"{w!r}: {probs}")

random.seed(2718)
for i in range(5):
    word = random.choice(starts)
    sentence = [word]
    while word != "." and len(sentence) < 15:
        word = random.choice(chain[word])
        sentence.append(word)
    text = " ".join(sentence[:-1]) if sentence[-1] == "." else " ".join(sentence) + " ..."
    print(f"{i + 1}. {text.capitalize()}.")
dead_ends = [w for w in set(words) if w not in chain]
print("dead ends:", dead_ends)
