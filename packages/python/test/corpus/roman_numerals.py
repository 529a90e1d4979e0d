# Integer to Roman numeral conversion, building strings by concatenation.
def roman_digit(d, one, five, ten):
    if d == 9:
        return one + ten
    if d == 4:
        return one + five
    result = ""
    if d >= 5:
        result = five
        d -= 5
    while d > 0:
        result += one
        d -= 1
    return result


def to_roman(n):
    result = ""
    while n >= 1000:
        result += "M"
        n -= 1000
    result += roman_digit(n // 100, "C", "D", "M")
    result += roman_digit(n // 10 % 10, "X", "L", "C")
    result += roman_digit(n % 10, "I", "V", "X")
    return result


for n in range(1, 25):
    print(n, to_roman(n))
for n in range(1900, 2100, 37):
    print(n, to_roman(n))
print(to_roman(3999), to_roman(444), to_roman(1994), to_roman(0) + "|")

longest = 0
longest_n = 0
for n in range(1, 4000):
    # Count the letters from the digits, following the same encoding rules.
    size = 0
    m = n
    while m >= 1000:
        size += 1
        m -= 1000
    for d in range(3):
        digit = m % 10
        m //= 10
        size += 2 if digit == 9 or digit == 4 else (digit - 5 + 1 if digit >= 5 else digit)
    if size > longest:
        longest = size
        longest_n = n
print("longest numeral below 4000:", longest_n, to_roman(longest_n), longest, "letters")
