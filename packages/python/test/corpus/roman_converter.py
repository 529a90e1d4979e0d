# Roman numerals both ways, with validation by round trip and arithmetic on numerals.
PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    out = []
    for value, sym in PAIRS:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def from_roman(s: str) -> int:
    total = 0
    for i, ch in enumerate(s):
        v = VALUES[ch]
        if i + 1 < len(s) and VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def valid(s: str) -> bool:
    return all(c in VALUES for c in s) and len(s) > 0 and to_roman(from_roman(s)) == s


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 444, 1666]:
    r = to_roman(n)
    print(f"{n:>5} {r:<14} {from_roman(r)}")
for s in ["XIV", "IIII", "MCMXC", "IC", "VX", "MMXXIV", "ABC", ""]:
    print(f"{s!r:10} valid={valid(s)}")
a, b = "XLII", "XXVIII"
print(f"{a} + {b} = {to_roman(from_roman(a) + from_roman(b))}")
print(f"{a} * {b} = {to_roman(from_roman(a) * from_roman(b))}")
lengths = {n: len(to_roman(n)) for n in range(1, 4000)}
longest = max(lengths, key=lambda n: lengths[n])
print("longest numeral below 4000:", longest, to_roman(longest), lengths[longest])
print(sorted(to_roman(n) for n in range(1, 11)))
print(from_roman("MMMM"), from_roman("Q"))
