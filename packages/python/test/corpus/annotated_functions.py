# Annotations on parameters, returns and variables (optional, but consistent when present).
import math

RATE: float = 0.07
YEARS: int = 12


def future_value(principal: float, rate: float = RATE, years: int = YEARS) -> float:
    return principal * (1.0 + rate) ** years


def count_digits(n: int) -> int:
    digits: int = 1
    while n >= 10:
        n //= 10
        digits += 1
    return digits


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def banner(title: str, width: int = 20) -> str:
    return f"{title:=^{width}}"


def hypotenuse(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)


def log_line(message: str) -> None:
    print("[log] " + message)


print(banner("report"))
print(f"{future_value(1000.0):.2f} {future_value(250.0, 0.1):.2f} {future_value(1.0, years=1):.2f}")
print(count_digits(0), count_digits(9), count_digits(10), count_digits(9223372036854775807))
leaps: int = 0
for y in range(1896, 1920):
    if is_leap(y):
        leaps += 1
print("leap years:", leaps, is_leap(1900), is_leap(2000))
print(hypotenuse(3.0, 4.0), hypotenuse(1.0, 1.0))
log_line("finished")
print(banner("end", 11))
