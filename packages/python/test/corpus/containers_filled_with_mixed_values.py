# Containers made empty and filled with values of different types, as configs and JSON-like
# records are built: each store may bring a new type, and the elements keep what they are.
config = {}
config["name"] = "demo"
config["size"] = 3
config["ratio"] = 0.5
config["tags"] = ["a", "b"]
config["parent"] = None
print(config)
for key in sorted(config):
    value = config[key]
    if isinstance(value, str):
        print(key, "is text:", value.upper())
    elif isinstance(value, list):
        print(key, "is a list of", len(value))
    elif value is None:
        print(key, "is unset")
    else:
        print(key, "is a number:", value * 2)
out = []
out.append(1)
out.append("two")
out.append(None)
out.insert(0, 2.5)
print(out, len(out), out[1:3], out[::-1])
print(out.pop(), out)
summary = {}
for word in "the cat and the hat and the bat".split():
    summary[word] = summary.get(word, 0) + 1
summary["total"] = "many"
print(summary)
scores = {}
scores["ann"] = 3
scores["bob"] = 4.5
print(scores, sum(scores.values()), max(scores.values()))
grid = []
for i in range(3):
    grid.append(i)
grid.append("end")
print(grid, grid.count("end"), grid.index(2))
