# `or` and `and` as values: a default for a missing or empty value, a guard before a use, operands
# of different types joined as CPython's values are.
users = {"ann": "Ann A.", "bob": None, "cy": ""}
for key in ["ann", "bob", "cy", "dee"]:
    name = users.get(key) or "anonymous"
    print(key, name, len(name))
label = users["bob"] or "-"
print(label)
x = 0 or 5.5
y = 3 or 2.5
print(x, y)
n = None
print(n or 3, n and 3)
words = ["", "a", "bc"]
print([w or "<empty>" for w in words])
print([w and w.upper() for w in words])
count = 0
value = count or None
print(value)
first = [] or [1, 2]
print(first)
mixed = "" or 0 or None or "last"
print(mixed)
picked = 7 and "seven"
print(picked, 0 and "zero", "" or 0)
