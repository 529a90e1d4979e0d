# A local of the same name shadows a global; reads of globals see their latest value.
rate = 0.5
name = "global"
level = 1


def use_global():
    return rate * 10


def shadow():
    rate = 2.0
    name = "local"
    print("inside shadow:", rate, name)
    return rate


def bump_level():
    global level
    level = level * 2 + 1
    return level


print(use_global(), shadow(), rate, name)
rate = 0.75
print(use_global())
for _ in range(4):
    bump_level()
print("level", level)


def parameter_shadow(level):
    level += 100
    return level


print(parameter_shadow(1), level)


def compute():
    result = 0
    for i in range(level):
        result += i
    return result


print("compute", compute())
