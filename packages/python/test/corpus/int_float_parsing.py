# int() and float() of strings (and of numbers), with CPython's accepted spellings.
print(int("42"), int("-17"), int("+5"), int("  99  "), int("0"), int("-0"))
print(int("1_000_000"), int("007"), int("9223372036854775807"), int("-9223372036854775808"))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e15), int(True))
print(float("3.5"), float("-0.25"), float("1e3"), float("1E-3"), float(" 2.5 "), float("+.5"))
print(float("1_000.5"), float("5."), float(".5"), float("-0"), float("1e308"), float("1e-400"))
print(float("1e400"), float("-1e400"), float("0.1"), float("123456789012345678"))
print(float(7), float(-7), float(2**62), float(False))
print(int("12") + int("30"), float("0.1") + float("0.2"))

text = "2024"
year = int(text)
print(year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))


def parse_and_scale(s, factor):
    return float(s) * factor


print(parse_and_scale("2.5", 4), parse_and_scale("-1e-3", 1000))
