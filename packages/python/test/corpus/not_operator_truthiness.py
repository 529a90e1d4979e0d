# Truthiness of ints, floats, strings, None, and the not operator.
print(not 0, not 1, not -1, not 0.0, not -0.0, not 0.001, not "", not "a", not None)
print(not not 5, not not 0, bool(""), bool(" "), bool(None), bool(float("nan")))


def describe(n):
    if n:
        return "truthy"
    return "falsy"


for n in range(-2, 3):
    print(n, describe(n), describe(n * 0.5))

name = ""
if not name:
    print("empty name")
name = "Guido"
if name:
    print("hello, " + name)

value = None
if value is None:
    print("value is None")
if not value:
    print("None is falsy")

x = 10
while x:
    x -= 3 if x > 3 else x
    print("x =", x)
if not (x > 0 or x < 0):
    print("done at zero")
