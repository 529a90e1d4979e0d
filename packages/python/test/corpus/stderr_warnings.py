# Validates records, printing warnings to standard error and a summary to standard output.
import sys

records = ["ann,34", "bob,", "cy,29", "dee,abc", "eve,41", ",50"]
good = []
for i, rec in enumerate(records):
    name, _, age = rec.partition(",")
    if not name:
        print(f"line {i + 1}: missing name", file=sys.stderr)
        continue
    if not age.isdigit():
        print(f"line {i + 1}: bad age {age!r} for {name}", file=sys.stderr)
        continue
    good.append((name, int(age)))
print(len(good), "valid of", len(records))
for who, years in good:
    print(who, years)
print("done", file=sys.stderr)
