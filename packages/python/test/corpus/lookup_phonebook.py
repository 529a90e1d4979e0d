# A phone book queried with dict.get without a default; missing entries come back as None.
book = {"alice": "555-0100", "bob": "555-0199", "carol": "555-0142"}
queries = ["bob", "dave", "alice", "erin", "carol"]
found = 0
for q in queries:
    number = book.get(q)
    if number is None:
        print(f"{q:<6} -> (unknown)")
    else:
        found += 1
        print(f"{q:<6} -> {number} ext {number[-2:]}")
print(found, "of", len(queries), "found")
missing = [q for q in queries if book.get(q) is None]
print("missing:", ", ".join(missing))
area = book.get("alice")
print(area is not None, book.get("zed"), book.get("bob", "none"))
