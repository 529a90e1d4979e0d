# The first repeated character of each word, or None when every character is distinct.
def first_repeat(word):
    seen = set()
    for ch in word:
        if ch in seen:
            return ch
        seen.add(ch)
    return None


words = ["swiss", "abcdef", "programming", "level", "xyz", "bookkeeper"]
for w in words:
    r = first_repeat(w)
    if r is None:
        print(f"{w}: all distinct")
    else:
        print(f"{w}: '{r}' repeats at {w.index(r)} and {w.index(r, w.index(r) + 1)}")
unique = [w for w in words if first_repeat(w) is None]
print("unique:", unique)
