# Calendar arithmetic: leap years, days in month, Zeller's congruence, days between dates.
def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    if month == 2:
        return 29 if is_leap(year) else 28
    if month == 4 or month == 6 or month == 9 or month == 11:
        return 30
    return 31


def day_of_week(year, month, day):
    # Zeller: 0 = Saturday; January and February count as months 13 and 14 of the year before.
    if month < 3:
        month += 12
        year -= 1
    k = year % 100
    j = year // 100
    return (day + 13 * (month + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7


def day_name(h):
    if h == 0:
        return "Saturday"
    if h == 1:
        return "Sunday"
    if h == 2:
        return "Monday"
    if h == 3:
        return "Tuesday"
    if h == 4:
        return "Wednesday"
    if h == 5:
        return "Thursday"
    return "Friday"


def day_number(year, month, day):
    days = day
    for y in range(1, year):
        days += 366 if is_leap(y) else 365
    for m in range(1, month):
        days += days_in_month(year, m)
    return days


print(day_name(day_of_week(1969, 7, 20)), day_name(day_of_week(2000, 1, 1)), day_name(day_of_week(1815, 12, 10)))
print(days_in_month(2024, 2), days_in_month(2023, 2), days_in_month(1900, 2), days_in_month(2000, 2))
print("days from 1969-07-20 to 2000-01-01:", day_number(2000, 1, 1) - day_number(1969, 7, 20))
fridays = 0
for year in range(2000, 2031):
    for month in range(1, 13):
        if day_of_week(year, month, 13) == 6:
            fridays += 1
print("Friday the 13ths 2000-2030:", fridays)
# Weekday offsets that go negative still land in 0..6 thanks to Python's modulo.
for shift in range(-10, 11, 5):
    print(shift, day_name((day_of_week(2024, 3, 1) + shift) % 7))
