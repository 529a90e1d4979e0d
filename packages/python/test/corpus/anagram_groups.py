# Groups words into anagram classes and finds palindromes, including phrase palindromes.
WORDS = """listen silent enlist inlets google banana stone tones notes onset
level radar rotor civic kayak refer stats tenet apple paple evil vile live veil
dusty study night thing below elbow state taste""".split()


def signature(word: str) -> str:
    return "".join(sorted(word))


groups: dict[str, list[str]] = {}
for w in WORDS:
    groups.setdefault(signature(w), []).append(w)

classes = [sorted(g) for g in groups.values() if len(g) > 1]
classes = sorted(classes, key=lambda g: (-len(g), g[0]))
for g in classes:
    print(len(g), " ".join(g))

palindromes = [w for w in WORDS if w == w[::-1]]
print("palindromes:", sorted(set(palindromes)))


def is_phrase_palindrome(s: str) -> bool:
    letters = [c.lower() for c in s if c.isalnum()]
    i, j = 0, len(letters) - 1
    while i < j:
        if letters[i] != letters[j]:
            return False
        i += 1
        j -= 1
    return True


phrases = [
    "A man, a plan, a canal: Panama",
    "Was it a car or a cat I saw?",
    "No lemon, no melon",
    "Hello, world",
    "Step on no pets!",
    "Never odd or even.",
    "Not a palindrome at all",
]
for p in phrases:
    print(f"{p!r:36} {is_phrase_palindrome(p)}")

longest = ""
s = "forgeeksskeegforabacdcabaxyz"
for center in range(len(s)):
    for lo, hi in [(center, center), (center, center + 1)]:
        while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        if hi - lo - 1 > len(longest):
            longest = s[lo + 1:hi]
print("longest palindromic substring:", longest)
