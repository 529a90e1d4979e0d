# Generator pipelines run interleaved, as CPython's generators do: each stage sees an element as
# soon as the stage before yields it; and a for-else over a generator skips its else on break.
from itertools import count, islice

trace = []


def parse(line):
    trace.append(f"parse {line}")
    return int(line)


def scale(value):
    trace.append(f"scale {value}")
    return value * 10


lines = ["3", "1", "4"]
scaled = [scale(v) for v in (parse(line) for line in lines)]
print(scaled)
print(trace)
trace.clear()
print(sum(scale(v) for v in (parse(line) for line in lines) if v > 1), trace)
print([n * n for n in islice((k for k in count(1) if k % 3 == 0), 4)])
print([f"{a}{b}" for a in (c.upper() for c in "ab") for b in (n for n in range(2))])
for value in (parse(line) for line in ["7", "x", "8"]):
    if value > 5:
        print("found", value)
        break
else:
    print("not found")
for value in (parse(line) for line in ["1", "2"]):
    pass
else:
    print("walked all, last", value)
print(max(parse(line) for line in lines), parse("oops"))
