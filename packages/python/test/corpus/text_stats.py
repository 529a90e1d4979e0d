# Line, word and character statistics of a text with str methods.
TEXT = """Lorem ipsum dolor sit amet, consectetur adipiscing elit.
Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.

Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.
Duis aute irure dolor in reprehenderit in voluptate velit esse."""
lines = TEXT.splitlines()
print(len(lines), sum(1 for line in lines if not line.strip()))
words = TEXT.replace(",", "").replace(".", "").lower().split()
print(len(words), len(set(words)))
letters: dict[str, int] = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
longest = max(words, key=len)
print(longest, len(longest), words.count("dolor"), TEXT.find("dolor"), TEXT.rfind("dolor"))
print([w.title() for w in words[:4]], "|".join(words[-3:]))
print(TEXT.split("\n")[0].partition(",")[0], TEXT.startswith(("Lorem", "Ipsum")))
