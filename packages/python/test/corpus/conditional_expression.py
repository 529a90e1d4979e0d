# Conditional expressions evaluate only the branch they choose.
def noisy(label, value):
    print("  evaluating", label)
    return value


for n in range(-2, 3):
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign)

a = noisy("yes", 1) if True else noisy("no", 2)
print("a =", a)
b = noisy("yes", 1) if False else noisy("no", 2)
print("b =", b)

for n in range(1, 16):
    label = "FizzBuzz" if n % 15 == 0 else ("Fizz" if n % 3 == 0 else ("Buzz" if n % 5 == 0 else "-"))
    print(n, label)


def safe_ratio(a, b):
    return a / b if b != 0 else 0.0


print(safe_ratio(7, 2), safe_ratio(7, 0))
x = 5
y = x * 2 if x > 3 else x - 2
print(y, 10 if y else 20, (1 if x % 2 else 0) + 100)
