# FizzBuzz three ways: if/elif chain, string building, and counting.
for n in range(1, 16):
    if n % 15 == 0:
        print("FizzBuzz")
    elif n % 3 == 0:
        print("Fizz")
    elif n % 5 == 0:
        print("Buzz")
    else:
        print(n)


def fizz_word(n):
    word = ""
    if n % 3 == 0:
        word += "Fizz"
    if n % 5 == 0:
        word += "Buzz"
    if n % 7 == 0:
        word += "Bazz"
    return word


line = ""
for n in range(95, 111):
    w = fizz_word(n)
    line += (w if w else f"{n}") + " "
print(line)

fizz = 0
buzz = 0
both = 0
for n in range(1, 1001):
    if n % 15 == 0:
        both += 1
    elif n % 3 == 0:
        fizz += 1
    elif n % 5 == 0:
        buzz += 1
print(f"fizz={fizz} buzz={buzz} fizzbuzz={both} plain={1000 - fizz - buzz - both}")
