# Mutually recursive functions, used before the definition of the function they call.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def hofstadter_female(n):
    if n == 0:
        return 1
    return n - hofstadter_male(hofstadter_female(n - 1))


def main():
    for n in range(0, 12, 3):
        print(n, is_even(n), is_odd(n))
    line = ""
    for n in range(15):
        line += f"{hofstadter_female(n)} "
    print("F:", line)
    line = ""
    for n in range(15):
        line += f"{hofstadter_male(n)} "
    print("M:", line)
    print(collatz_steps(27))


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hofstadter_male(n):
    if n == 0:
        return 0
    return n - hofstadter_female(hofstadter_male(n - 1))


def collatz_steps(n):
    if n == 1:
        return 0
    return collatz_even(n) if n % 2 == 0 else collatz_odd(n)


def collatz_even(n):
    return 1 + collatz_steps(n // 2)


def collatz_odd(n):
    return 1 + collatz_steps(3 * n + 1)


main()
