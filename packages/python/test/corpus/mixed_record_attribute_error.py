# A method of one member called on a value holding another raises CPython's AttributeError there.
rows = [{"id": 1, "name": "ann"}, {"id": 2, "name": 7}]
for row in rows:
    print(row["id"], row["name"].upper())
