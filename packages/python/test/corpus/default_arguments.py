# Default argument values, evaluated once at definition time.
def greet(name, greeting="Hello", punctuation="!"):
    print(greeting + ", " + name + punctuation)


def power(base, exponent=2):
    return base**exponent


def interval(start, stop=10, step=1):
    count = 0
    for _ in range(start, stop, step):
        count += 1
    return count


def scale(x, factor=1.5, offset=0.0):
    return x * factor + offset


greet("Ada")
greet("Alan", "Good evening")
greet("Grace", "Hi", "?")
print(power(7), power(2, 10), power(3.0), power(2.0, -1))
print(interval(0), interval(5), interval(0, 100), interval(0, 100, 7), interval(10, 0, -1))
print(scale(2), scale(2, 3), scale(2, 3, 0.25), scale(-4.0))

counter = 10


def snapshot(value=counter):
    return value


counter = 99
print("default captured at definition:", snapshot(), "explicit:", snapshot(counter))


def describe(width=80, height=24, title="untitled"):
    print(f"{title}: {width}x{height} = {width * height} cells")


describe()
describe(100)
describe(100, 30)
describe(100, 30, "big")
