# Strings that live in globals, flow around loops with early exits, come back from functions
# unchanged or new, and are picked by conditional expressions: every one is freed exactly once.
banner = "start"


def decorate(s, wide):
    if wide:
        return "<< " + s + " >>"
    return s


def set_banner(text):
    global banner
    banner = text + "!"


def first_multiple(limit, step):
    found = "none"
    for i in range(limit):
        word = f"w{i * 7919 % 1000:03d}"
        if i % step == 0:
            found = word
        if i > 50 and i % 17 == 0:
            break
    return found


line = ""
width = 0
for n in range(200):
    line = line + ("#" if n % 3 == 0 else ".")
    width += 1
    if width > 40:
        line = decorate(str(n), n % 2 == 0)
        width = 0
print(line)
for k in range(5):
    set_banner(banner + str(k))
print(banner)
print(first_multiple(100, 7), decorate("plain", False), decorate("wide", True))
label = "even" if width % 2 == 0 else "odd"
print(f"{label:>8}|{banner:.12}|{width:,}")
