# Records with fields of several types, some None: narrowed reads, or-defaults, arithmetic on
# fields, sorting and maxima by a field, merging with update, formatting fields.
records = [{"n": 1, "tags": ["a"], "score": 2.5, "ok": True}, {"n": 2, "tags": [], "score": None, "ok": False}]
for r in records:
    s = r["score"]
    if s is not None and s > 2:
        print("high", s)
    elif s is None:
        print("none")
    tags = r["tags"]
    if isinstance(tags, list) and tags:
        print("first tag", tags[0])
    if r["ok"]:
        print(r["n"], "ok")
    total = r["n"] + (r["score"] or 0)
    print("total", total)
vals = [r["score"] for r in records]
print(vals, [v for v in vals if v is not None])
print(sorted(records, key=lambda r: r["n"], reverse=True)[0]["n"])
print(max(r["n"] for r in records), sum(1 for r in records if r["ok"]))
keys = sorted({k for r in records for k in r})
print(keys)
merged = {}
for r in records:
    merged.update(r)
print(merged)
copy = dict(records[0])
copy["n"] = 5
print(copy, records[0]["n"])
x = records[0]["n"]
x += 1
print(x)
y = records[0]["score"]
y *= 2
print(y)
print(str(records[1]["score"]), repr(records[0]["tags"]), f"{records[0]['score']:>8}", f"{records[1]['n']:03d}")
