# Plain recursion: factorial, Ackermann, Towers of Hanoi, binomial coefficients, digit sums.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


moves = 0


def hanoi(n, source, target, spare):
    global moves
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves += 1
    if n >= 4:
        print(f"move disk {n} from {source} to {target}")
    hanoi(n - 1, spare, target, source)


def binomial(n, k):
    if k == 0 or k == n:
        return 1
    return binomial(n - 1, k - 1) + binomial(n - 1, k)


def digit_sum(n):
    return n if n < 10 else n % 10 + digit_sum(n // 10)


for n in range(0, 21, 5):
    print(n, factorial(n))
print(ackermann(2, 3), ackermann(3, 3))
hanoi(5, "A", "C", "B")
print("moves:", moves)
print(binomial(10, 3), binomial(16, 8))
print(digit_sum(9223372036854775807))
