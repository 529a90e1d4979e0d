# None beside strings in lists and dicts, and a function returning a str or None.
names = [None, "a", "b", None]
print(names, names.count(None) if False else len(names))
d = {"x": "1", "y": None}
print(d, d["y"] is None)
for n in names:
    if n is not None:
        print(n.upper())
def first_word(s):
    parts = s.split()
    if not parts:
        return None
    return parts[0]
w = first_word("hello world")
print(w, first_word(""), w == "hello")
if w:
    print(len(w))
