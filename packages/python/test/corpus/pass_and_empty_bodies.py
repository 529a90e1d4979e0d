# pass as a placeholder body in functions, branches and loops.
def not_implemented_yet():
    pass


def returns_nothing(x):
    if x > 0:
        pass
    else:
        pass


result = not_implemented_yet()
print(result)
print(returns_nothing(5))

for i in range(3):
    pass
print("loop with pass ended at", i)

n = 0
while n < 5:
    n += 1
    if n == 2:
        pass
    elif n == 3:
        print("three")
    else:
        pass
print("n =", n)

if n:
    pass
else:
    print("unreachable")
print("end")
