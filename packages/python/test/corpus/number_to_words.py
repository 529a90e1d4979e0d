# Spells out integers in English words, and back from words to numbers.
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = [(1000000000, "billion"), (1000000, "million"), (1000, "thousand")]


def below_thousand(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(ONES[n // 100] + " hundred")
        n %= 100
    if n >= 20:
        t = TENS[n // 10]
        if n % 10:
            t += "-" + ONES[n % 10]
        parts.append(t)
    elif n > 0:
        parts.append(ONES[n])
    return " ".join(parts)


def to_words(n: int) -> str:
    if n == 0:
        return "zero"
    if n < 0:
        return "minus " + to_words(-n)
    parts = []
    for value, name in SCALES:
        if n >= value:
            parts.append(below_thousand(n // value) + " " + name)
            n %= value
    if n:
        parts.append(below_thousand(n))
    return " ".join(parts)


def from_words(text: str) -> int:
    lookup = {w: i for i, w in enumerate(ONES)}
    for i, w in enumerate(TENS):
        if w:
            lookup[w] = i * 10
    scales = {name: value for value, name in SCALES}
    total = 0
    current = 0
    sign = 1
    for token in text.replace("-", " ").split():
        if token == "minus":
            sign = -1
        elif token == "hundred":
            current *= 100
        elif token in scales:
            total += current * scales[token]
            current = 0
        else:
            current += lookup[token]
    return sign * (total + current)


for n in [0, 7, 13, 20, 42, 100, 101, 999, 1000, 1001, 12345, 700000, 1000001, 987654321, -56, 2147483647]:
    words = to_words(n)
    back = from_words(words)
    print(f"{n:>11} {words}" + ("" if back == n else " MISMATCH"))
print(sum(len(to_words(i).replace(" ", "").replace("-", "")) for i in range(1, 1001)))
