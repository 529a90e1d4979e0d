# Parses fields that may not be integers, returning None for them, then totals only the valid ones.
def parse_int(s):
    s = s.strip()
    if not s:
        return None
    sign = 1
    if s[0] == "-":
        sign = -1
        s = s[1:]
    if not s.isdigit():
        return None
    return sign * int(s)


fields = ["12", " 7 ", "", "-3", "x1", "40", "-", "0"]
total = 0
bad = 0
for f in fields:
    v = parse_int(f)
    if v is None:
        bad += 1
        print(repr(f), "skipped")
    else:
        total += v
        print(repr(f), "->", v)
print("total", total, "bad", bad)
