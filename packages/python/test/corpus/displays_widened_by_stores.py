# A display's elements fix its element type only until a store of another class widens it, as a
# list or dict filled with values of several types is in CPython.
xs = [1, 2]
xs.append("three")
xs.append(4.5)
print(xs, len(xs))
for x in xs:
    print(repr(x), isinstance(x, int))
settings = {"debug": False, "level": 3}
settings["name"] = "prod"
settings["ratio"] = 0.25
print(settings)
print(settings["level"] + 1, settings["name"].upper())
row = ["id", 7]
row[0] = 8
row[1] = "seven"
print(row)
seen = {1, 2}
seen.add("two")
print(len(seen), 1 in seen, "two" in seen)
