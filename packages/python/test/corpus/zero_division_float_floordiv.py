# Float floor division by zero: "float floor division by zero".
def steps_of(length, step):
    return length // step


x = 7.5
y = 2.0
print(steps_of(10.0, 2.5), steps_of(-10.0, 3.0), steps_of(0.3, 0.1))
while y > -1.0:
    print(x, "//", y, "=", steps_of(x, y))
    y -= 1.0
