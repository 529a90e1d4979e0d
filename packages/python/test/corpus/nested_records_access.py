# Nested records of mixed values, read the way code reads parsed JSON: a key's value used as the
# type it holds there (its method called, its length taken, its items indexed and walked).
people = [
    {"name": "ada lovelace", "born": 1815, "langs": ["analytical engine"], "ratio": 0.75},
    {"name": "grace hopper", "born": 1906, "langs": ["cobol", "flow-matic"], "ratio": 0.5},
    {"name": "alan turing", "born": 1912, "langs": [], "ratio": 1.25},
]
for person in people:
    name = person["name"].title()
    langs = person["langs"]
    print(name, len(person["name"]), len(langs), person["born"] + 100)
    for lang in langs:
        print("  -", lang.upper(), len(lang))
    if len(langs) > 0:
        print("  first:", langs[0], person["langs"][-1])
    print("  initials:", "".join(part[0] for part in person["name"].split()))
oldest = min(people, key=lambda p: p["born"])
print(oldest["name"])
print(sorted(p["name"] for p in people))
print([p["name"].split()[1] for p in people if p["born"] > 1900])
table = {"sizes": [3, 1, 2], "label": "demo", "scale": 2.0, "pair": (1, "one")}
print(sorted(table["sizes"]), table["label"].center(10, "*"), table["scale"] * 3)
print(table["pair"][1], table["pair"][0] + 1)
for part in table["pair"]:
    print(part, isinstance(part, int))
for ch in table["label"]:
    print(ch, end=" ")
print()
print(len(table), len(table["label"]), len(table["sizes"]))
print(table["label"][1:3], table["sizes"].count(1))
