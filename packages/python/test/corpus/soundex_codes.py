# Computes Soundex codes for surnames and groups names that sound alike.
CODES = {}
for letters, digit in [("bfpv", "1"), ("cgjkqsxz", "2"), ("dt", "3"), ("l", "4"), ("mn", "5"), ("r", "6")]:
    for ch in letters:
        CODES[ch] = digit


def soundex(name: str) -> str:
    name = name.lower()
    first = name[0]
    out = first.upper()
    last = CODES.get(first, "")
    for ch in name[1:]:
        code = CODES.get(ch, "")
        if code and code != last:
            out += code
        if ch not in "hw":
            last = code
        if len(out) == 4:
            break
    return out.ljust(4, "0")


NAMES = ["Robert", "Rupert", "Rubin", "Ashcraft", "Ashcroft", "Tymczak", "Pfister", "Honeyman",
         "Smith", "Smyth", "Schmidt", "Lee", "Li", "Leigh", "Gutierrez", "Jackson", "Jaxen"]
groups: dict[str, list[str]] = {}
for n in NAMES:
    code = soundex(n)
    print(f"{n:<10} {code}")
    groups.setdefault(code, []).append(n)
print()
for code in sorted(groups):
    if len(groups[code]) > 1:
        print(code, ", ".join(groups[code]))
print(len(groups), "distinct codes for", len(NAMES), "names")
first_letters = sorted({c[0] for c in groups})
print("".join(first_letters))
