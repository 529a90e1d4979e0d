# Prints month calendars computed from scratch (leap years, day of week by Zeller's congruence).
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in(y: int, m: int) -> int:
    if m == 2:
        return 29 if is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def weekday(y: int, m: int, d: int) -> int:
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def show(y: int, m: int) -> None:
    print(f"{MONTHS[m - 1]} {y}".center(20))
    print("Mo Tu We Th Fr Sa Su")
    cells = ["  "] * weekday(y, m, 1) + [f"{d:>2}" for d in range(1, days_in(y, m) + 1)]
    for i in range(0, len(cells), 7):
        print(" ".join(cells[i:i + 7]))


show(2024, 2)
show(2023, 10)
print([y for y in range(1896, 1912) if is_leap(y)], is_leap(2000), is_leap(2100))
names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
print(names[weekday(1969, 7, 20)], names[weekday(2000, 1, 1)], names[weekday(2024, 12, 25)])
fridays = [(y, m) for y in range(2023, 2026) for m in range(1, 13) if weekday(y, m, 13) == 4]
print(len(fridays), "Friday the 13ths:", fridays)
print(sum(days_in(2024, m) for m in range(1, 13)), sum(days_in(2023, m) for m in range(1, 13)))
