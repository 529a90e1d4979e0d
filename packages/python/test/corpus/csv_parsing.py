# CSV-style parsing and aggregation with str methods, dicts and sorting.
DATA = """name,dept,salary,age
alice,eng,120000,34
bob,sales,65000,45
carol,eng,135000,29
dave,ops,70000,51
erin,sales,72000,38
frank,eng,99000,41"""

lines = DATA.splitlines()
header = lines[0].split(",")
rows = [dict(zip(header, line.split(","))) for line in lines[1:]]
by_dept: dict[str, list[int]] = {}
for row in rows:
    by_dept.setdefault(row["dept"], []).append(int(row["salary"]))
for dept in sorted(by_dept):
    pay = by_dept[dept]
    print(f"{dept:6}{len(pay):2}{sum(pay) / len(pay):12.2f}{max(pay):8}")
oldest = max(rows, key=lambda r: int(r["age"]))
print(oldest["name"], oldest["age"])
names = [r["name"].capitalize() for r in rows if int(r["age"]) < 40]
print(", ".join(names))
print(header, len(rows))
