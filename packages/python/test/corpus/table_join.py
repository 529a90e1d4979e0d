# Joins two tables held in strings (inner and left join) and reports per-department totals.
EMPLOYEES = """1|Ada|eng|120
2|Brian|ops|85
3|Chen|eng|135
4|Dana|sales|70
5|Eve|eng|99
6|Farid|legal|110
7|Gus|sales|64"""
DEPARTMENTS = """eng|Engineering|Building 1
ops|Operations|Building 2
sales|Sales|Building 3
hr|Human Resources|Building 2"""


def parse(text: str) -> list[list[str]]:
    return [line.split("|") for line in text.splitlines()]


employees = parse(EMPLOYEES)
departments = {row[0]: (row[1], row[2]) for row in parse(DEPARTMENTS)}

print("inner join:")
for eid, name, dept, salary in employees:
    if dept in departments:
        title, building = departments[dept]
        print(f"  {eid:>2} {name:<6} {title:<12} {building}")

print("left join:")
for emp in employees:
    title = departments[emp[2]][0] if emp[2] in departments else "-"
    print(f"  {emp[1]:<6} {title}")

totals: dict[str, int] = {}
heads: dict[str, int] = {}
for emp in employees:
    totals[emp[2]] = totals.get(emp[2], 0) + int(emp[3])
    heads[emp[2]] = heads.get(emp[2], 0) + 1
for code in sorted(set(departments) | set(totals)):
    n = heads.get(code, 0)
    avg = totals.get(code, 0) / n if n else 0.0
    name = departments[code][0] if code in departments else "(unknown)"
    print(f"{code:<6}{name:<16}{n:>2} {avg:8.2f}")
empty = [code for code in departments if code not in heads]
print("departments without staff:", empty)
by_building: dict[str, list[str]] = {}
for code, (title, building) in departments.items():
    by_building.setdefault(building, []).append(title)
print(sorted(by_building.items()))
