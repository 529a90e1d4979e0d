# Text statistics: sentences, syllables by a vowel-group heuristic and the Flesch reading ease score.
TEXT = """The sun rose slowly over the quiet village. Farmers walked to the fields, and children ran
to school! Did anyone notice the strange bird sitting on the old church tower? It watched
everything carefully. Nobody knew where it had come from, or why it stayed there, day after day."""
VOWELS = "aeiouy"


def syllables(word: str) -> int:
    word = word.lower().strip(".,!?;:")
    count = 0
    previous = False
    for ch in word:
        is_vowel = ch in VOWELS
        if is_vowel and not previous:
            count += 1
        previous = is_vowel
    if word.endswith("e") and count > 1 and not word.endswith("le"):
        count -= 1
    return max(count, 1)


sentences = []
current = ""
for ch in TEXT.replace("\n", " "):
    current += ch
    if ch in ".!?":
        sentences.append(current.strip())
        current = ""
words = TEXT.split()
syl = [syllables(w) for w in words]
print(len(sentences), "sentences,", len(words), "words,", sum(syl), "syllables")
for s in sentences:
    print(f"  {len(s.split()):>2} words: {s[:50]}")
asl = len(words) / len(sentences)
asw = sum(syl) / len(words)
score = 206.835 - 1.015 * asl - 84.6 * asw
print(f"avg sentence length {asl:.2f}, syllables per word {asw:.3f}, reading ease {score:.1f}")
poly = sorted({w.strip(".,!?").lower() for w, n in zip(words, syl) if n >= 3})
print("polysyllabic:", poly)
enders = {}
for s in sentences:
    enders[s[-1]] = enders.get(s[-1], 0) + 1
print(enders, max(words, key=len).strip(".,!?"))
print({n: syl.count(n) for n in sorted(set(syl))})
