# Rows read as dicts of mixed values, as a JSON or CSV loader gives them, summed and formatted.
raw = """name,age,score,city
ada,36,91.5,London
bob,25,78,
cy,41,88.25,Paris
dee,,67.5,Rome"""


def convert(text):
    if text == "":
        return None
    if text.isdigit():
        return int(text)
    if text.replace(".", "", 1).isdigit():
        return float(text)
    return text


lines = raw.split("\n")
header = lines[0].split(",")
rows = []
for line in lines[1:]:
    fields = line.split(",")
    row = {}
    for i in range(len(header)):
        row[header[i]] = convert(fields[i])
    rows.append(row)
print(rows[0])
print(rows[3])
total_age = 0
known = 0
for row in rows:
    age = row["age"]
    if age is not None:
        total_age += age
        known += 1
print("mean age", total_age / known)
best = None
for row in rows:
    score = row["score"]
    if isinstance(score, (int, float)):
        if best is None or score > best["score"]:
            best = row
if best is not None:
    print("best", best["name"], best["score"])
for row in rows:
    city = row["city"]
    name = row["name"]
    where = city if isinstance(city, str) else "?"
    print(f"{name!s:>5} | {row['score']:>6} | {where:<8}|")
print(sorted(row["score"] for row in rows))
print([row["age"] for row in rows])
print({row["name"]: row["age"] for row in rows if row["age"] is not None})
