# String processing: palindromes, anagrams, caesar cipher, run-length encoding.
def is_palindrome(s):
    cleaned = "".join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]


def caesar(text, shift):
    out = []
    for c in text:
        if c.isalpha():
            base = ord("a") if c.islower() else ord("A")
            out.append(chr((ord(c) - base + shift) % 26 + base))
        else:
            out.append(c)
    return "".join(out)


def rle(s):
    if not s:
        return ""
    parts = []
    run, count = s[0], 1
    for c in s[1:]:
        if c == run:
            count += 1
        else:
            parts.append(f"{count}{run}")
            run, count = c, 1
    parts.append(f"{count}{run}")
    return "".join(parts)


words = ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]
groups: dict[str, list[str]] = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(sorted(groups.values(), key=len, reverse=True))
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"))
print(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), -3))
print(rle("aaabccddddde"), rle(""), rle("x"))
print("café".upper(), "ΣΊΣΥΦΟΣ".lower(), "straße".upper(), len("naïve"))
print("a-b-c".replace("-", "+", 1), "  pad  ".strip(), "x".center(7, "*"), "42".zfill(5))
