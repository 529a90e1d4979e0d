# Module-level globals read everywhere and modified through `global`.
calls = 0
total = 0.0
log = ""
LIMIT = 5


def record(amount):
    global calls, total
    calls += 1
    total += amount
    return calls


def note(text):
    global log
    log = log + text + ";"


def over_limit():
    return calls > LIMIT


for i in range(1, 8):
    n = record(i * 1.25)
    note(f"r{n}")
    if over_limit():
        print("limit passed at call", n)
        break
print(calls, total, log)


def reset():
    global calls
    calls = 0


reset()
print("after reset:", calls, "total kept:", total)


def set_twice():
    global LIMIT
    LIMIT = 1
    LIMIT += 1


set_twice()
print("LIMIT", LIMIT)
