# Integer digit manipulation: reversing numbers, palindromes, digit sums, Armstrong numbers.
def reverse_number(n):
    result = 0
    while n > 0:
        result = result * 10 + n % 10
        n //= 10
    return result


def digit_sum(n):
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total


def count_digits(n):
    count = 1
    while n >= 10:
        n //= 10
        count += 1
    return count


def is_armstrong(n):
    k = count_digits(n)
    total = 0
    m = n
    while m > 0:
        total += (m % 10) ** k
        m //= 10
    return total == n


palindromes = 0
for n in range(10, 10000):
    if reverse_number(n) == n:
        palindromes += 1
print("palindromes in 10..9999:", palindromes)

armstrong = ""
for n in range(1, 100000):
    if is_armstrong(n):
        armstrong += f"{n} "
print("Armstrong numbers:", armstrong)
print(reverse_number(1234567890123456780), digit_sum(9223372036854775807))

# Lychrel-style iteration: reverse and add until a palindrome appears.
n = 89
steps = 0
while reverse_number(n) != n:
    n += reverse_number(n)
    steps += 1
print("89 becomes the palindrome", n, "after", steps, "steps")
