# Writes a scores file in the current directory, reads it back line by line, and reports per player.
path = "file_roundtrip_scores.txt"
rows = [("alice", 31), ("bob", 17), ("alice", 12), ("carol", 44), ("bob", 25), ("dave", 9)]
with open(path, "w") as out:
    out.write("# name score\n")
    for name, points in rows:
        out.write("%s %d\n" % (name, points))
totals = {}
count = 0
with open(path) as f:
    for line in f:
        if line.startswith("#"):
            continue
        name, score = line.split()
        totals[name] = totals.get(name, 0) + int(score)
        count += 1
print("read", count, "rows")
for name in sorted(totals, key=lambda n: -totals[n]):
    print(f"{name:<6}{totals[name]:>4}")
with open(path, "a") as out:
    out.write("erin 50\n")
with open(path) as f:
    lines = f.readlines()
print(len(lines), repr(lines[-1]))
