# A 300-line program in the subset with many small functions: the input for measuring how long
# `pycompile build` takes (it has no C port; its output is still checked against CPython).
import math
import sys

SEED = 20240607
MODULUS = 2147483647
calls = 0


def count_call():
    global calls
    calls += 1


def gcd(a, b):
    count_call()
    while b != 0:
        a, b = b, a % b
    return abs(a)


def lcm(a, b):
    if a == 0 or b == 0:
        return 0
    return abs(a // gcd(a, b) * b)


def is_prime(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    d = 5
    while d * d <= n:
        if n % d == 0 or n % (d + 2) == 0:
            return False
        d += 6
    return True


def next_prime(n):
    candidate = n + 1
    while not is_prime(candidate):
        candidate += 1
    return candidate


def totient(n):
    result = n
    p = 2
    m = n
    while p * p <= m:
        if m % p == 0:
            while m % p == 0:
                m //= p
            result -= result // p
        p += 1
    if m > 1:
        result -= result // m
    return result


def divisor_count(n):
    count = 0
    d = 1
    while d * d <= n:
        if n % d == 0:
            count += 1 if d * d == n else 2
        d += 1
    return count


def digit_sum(n):
    total = 0
    n = abs(n)
    while n > 0:
        total += n % 10
        n //= 10
    return total


def reverse_digits(n):
    result = 0
    while n > 0:
        result = result * 10 + n % 10
        n //= 10
    return result


def is_palindrome(n):
    return n >= 0 and reverse_digits(n) == n


def collatz_length(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def pow_mod(base, exponent, modulus):
    result = 1
    base %= modulus
    while exponent > 0:
        if exponent & 1:
            result = result * base % modulus
        base = base * base % modulus
        exponent >>= 1
    return result


def integer_sqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def newton_sqrt(x, tolerance=1e-12):
    if x == 0.0:
        return 0.0
    guess = max(x, 1.0)
    while True:
        better = 0.5 * (guess + x / guess)
        if abs(better - guess) <= tolerance * better:
            return better
        guess = better


def exp_series(x, terms=30):
    total = 1.0
    term = 1.0
    for k in range(1, terms):
        term *= x / k
        total += term
    return total


def sin_series(x, terms=20):
    x = math.fmod(x, 2 * math.pi)
    total = 0.0
    term = x
    for k in range(terms):
        total += term
        term *= -x * x / ((2 * k + 2) * (2 * k + 3))
    return total


def trapezoid_sin(a, b, n):
    h = (b - a) / n
    total = (math.sin(a) + math.sin(b)) / 2
    for i in range(1, n):
        total += math.sin(a + i * h)
    return total * h


def bisect_cos_fixed_point(lo, hi, tolerance):
    while hi - lo > tolerance:
        mid = (lo + hi) / 2
        if math.cos(mid) - mid > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def lcg_next(state):
    return state * 48271 % MODULUS


def uniform(state):
    return state / MODULUS


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    if month == 2:
        return 29 if is_leap(year) else 28
    if month == 4 or month == 6 or month == 9 or month == 11:
        return 30
    return 31


def day_of_year(year, month, day):
    total = day
    for m in range(1, month):
        total += days_in_month(year, m)
    return total


def weekday(year, month, day):
    if month < 3:
        month += 12
        year -= 1
    k = year % 100
    j = year // 100
    return (day + 13 * (month + 1) // 5 + k + k // 4 + j // 4 + 5 * j + 5) % 7


def weekday_name(w):
    if w == 0:
        return "Mon"
    if w == 1:
        return "Tue"
    if w == 2:
        return "Wed"
    if w == 3:
        return "Thu"
    if w == 4:
        return "Fri"
    if w == 5:
        return "Sat"
    return "Sun"


def format_money(amount, currency="EUR"):
    return f"{amount:>12,.2f} {currency}"


def bar(value, scale, symbol="#"):
    text = ""
    units = int(value / scale)
    for _ in range(units):
        text += symbol
    return text


def roman_digit(d, one, five, ten):
    if d == 9:
        return one + ten
    if d == 4:
        return one + five
    text = five if d >= 5 else ""
    for _ in range(d % 5):
        text += one
    return text


def to_roman(n):
    text = ""
    for _ in range(n // 1000):
        text += "M"
    text += roman_digit(n // 100 % 10, "C", "D", "M")
    text += roman_digit(n // 10 % 10, "X", "L", "C")
    return text + roman_digit(n % 10, "I", "V", "X")


def report_number_theory():
    print("== number theory")
    print("gcd/lcm:", gcd(1071, 462), lcm(21, 6), gcd(-48, 180))
    primes = 0
    for n in range(2, 2000):
        if is_prime(n):
            primes += 1
    print("primes below 2000:", primes, "next after 1000:", next_prime(1000))
    print("totients:", totient(36), totient(97), totient(100))
    print("divisors:", divisor_count(360), divisor_count(9973), digit_sum(-98765))
    print("palindromes:", is_palindrome(12321), is_palindrome(12345), reverse_digits(1200))
    best = 1
    for n in range(1, 3000):
        if collatz_length(n) > collatz_length(best):
            best = n
    print("longest collatz below 3000:", best, collatz_length(best))
    print("fibonacci:", fibonacci(50), fibonacci(90), pow_mod(3, 200, 1000007), integer_sqrt(10**17))


def report_floats():
    print("== floats")
    print(f"sqrt: {newton_sqrt(2.0):.15f} {math.sqrt(2.0):.15f}")
    print(f"exp: {exp_series(1.0):.15f} {math.exp(1.0):.15f}")
    print(f"sin: {sin_series(10.0):.12f} {math.sin(10.0):.12f}")
    print(f"integral of sin over [0, pi]: {trapezoid_sin(0.0, math.pi, 1000):.9f}")
    print(f"cos(x) = x at {bisect_cos_fixed_point(0.0, 1.0, 1e-12):.12f}")
    state = SEED
    total = 0.0
    squares = 0.0
    for _ in range(1000):
        state = lcg_next(state)
        u = uniform(state)
        total += u
        squares += u * u
    mean = total / 1000
    variance = squares / 1000 - mean * mean
    print(f"uniform mean {mean:.6f} variance {variance:.6f} (expected 0.5, {1 / 12:.6f})")


def report_calendar():
    print("== calendar")
    for year in range(1999, 2002):
        print(year, "leap" if is_leap(year) else "common", day_of_year(year, 12, 31))
    print("1969-07-20 was a", weekday_name(weekday(1969, 7, 20)))
    print("2000-01-01 was a", weekday_name(weekday(2000, 1, 1)))


def report_text():
    print("== text")
    balance = 1234.5
    for month in range(1, 5):
        balance = balance * 1.01 + 100
        print(f"month {month}: {format_money(balance)} {bar(balance, 200.0)}")
    print(to_roman(1987), to_roman(2024), to_roman(3999))


def main():
    report_number_theory()
    report_floats()
    report_calendar()
    report_text()
    print("gcd calls:", calls)
    if calls < 0:
        sys.exit(2)


main()
