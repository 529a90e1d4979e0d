# Groups student records by class and subject; averages, best student per class, ranks.
RAW = """alice:7A:math=91,physics=78,art=88
bob:7A:math=65,physics=72,art=95
carol:7B:math=88,physics=94,art=70
dave:7B:math=74,physics=61,art=82
erin:7A:math=99,physics=91,art=60
frank:7C:math=55,physics=68,art=77
gina:7C:math=83,physics=85,art=90"""

students: list[tuple[str, str, dict[str, int]]] = []
for line in RAW.splitlines():
    name, cls, marks = line.split(":")
    grades: dict[str, int] = {}
    for part in marks.split(","):
        subject, value = part.split("=")
        grades[subject] = int(value)
    students.append((name, cls, grades))

by_class: dict[str, list[tuple[str, str, dict[str, int]]]] = {}
for s in students:
    by_class.setdefault(s[1], []).append(s)

subjects = sorted(students[0][2])
for cls in sorted(by_class):
    members = by_class[cls]
    avgs = [sum(m[2][sub] for m in members) / len(members) for sub in subjects]
    top = max(members, key=lambda m: sum(m[2].values()))
    print(cls, [f"{sub}={a:.1f}" for sub, a in zip(subjects, avgs)], "best:", top[0])

totals = sorted(((sum(g.values()), n) for n, _, g in students), reverse=True)
for rank, (total, name) in enumerate(totals, start=1):
    print(f"{rank}. {name:<6} {total}")
for sub in subjects:
    ranked = sorted(students, key=lambda s: s[2][sub], reverse=True)
    print(sub, [s[0] for s in ranked[:3]])
strong = {n for n, _, g in students if min(g.values()) >= 70}
print("no mark below 70:", sorted(strong))
