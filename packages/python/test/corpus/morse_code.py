# Encodes and decodes Morse code, and measures message durations in dot units.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
CODES = (".- -... -.-. -.. . ..-. --. .... .. .--- -.- .-.. -- -. --- .--. --.- .-. ... - ..- ...- .-- -..- -.-- --.. "
         "----- .---- ..--- ...-- ....- ..... -.... --... ---.. ----.").split()
TO_MORSE = dict(zip(LETTERS, CODES))
FROM_MORSE = {code: letter for letter, code in TO_MORSE.items()}


def encode(text: str) -> str:
    words = []
    for word in text.upper().split():
        words.append(" ".join(TO_MORSE[c] for c in word if c in TO_MORSE))
    return " / ".join(words)


def decode(morse: str) -> str:
    return " ".join("".join(FROM_MORSE[c] for c in word.split()) for word in morse.split(" / "))


def duration(morse: str) -> int:
    units = 0
    for word_index, word in enumerate(morse.split(" / ")):
        if word_index:
            units += 7
        for letter_index, code in enumerate(word.split()):
            if letter_index:
                units += 3
            units += sum(1 if s == "." else 3 for s in code) + len(code) - 1
    return units


for message in ["SOS", "Hello World", "The 3 little pigs", "PARIS"]:
    m = encode(message)
    print(f"{message:<18} {m}")
    print(f"{'':<18} -> {decode(m)} ({duration(m)} units)")
by_length: dict[int, list[str]] = {}
for letter, code in TO_MORSE.items():
    by_length.setdefault(len(code), []).append(letter)
for n in sorted(by_length):
    print(n, "".join(by_length[n]))
print(max(TO_MORSE, key=lambda l: (TO_MORSE[l].count("-"), l)), sum(len(c) for c in CODES))
