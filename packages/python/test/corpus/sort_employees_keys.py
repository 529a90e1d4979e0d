# Sorting records by several keys: lambda keys, tuples with negation, reverse, and stability.
staff = [("ivy", "ops", 52000, 3), ("jon", "dev", 81000, 5), ("kay", "dev", 81000, 2),
         ("lou", "ops", 47000, 7), ("mia", "qa", 60000, 4), ("ned", "dev", 95000, 1)]
for name, dept, pay, years in sorted(staff, key=lambda r: (r[1], -r[2], r[0])):
    print(f"{dept:<4}{name:<5}{pay:>7}")
print([r[0] for r in sorted(staff, key=lambda r: r[3], reverse=True)])
by_pay = sorted(staff, key=lambda r: r[2])
print(by_pay[0][0], by_pay[-1][0])
names = [r[0] for r in staff]
names.sort(key=lambda n: n[::-1])
print(names)
print(sorted(["Banana", "apple", "Cherry", "date"]), sorted(["Banana", "apple", "Cherry", "date"], key=lambda s: s.lower()))
print(max(staff, key=lambda r: r[2] / r[3])[0], min(staff, key=lambda r: r[3])[0])
