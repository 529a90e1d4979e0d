# A config parsed into a dict of values of several types by a function returning (key, value) pairs
# whose value is an int, a bool, a float or a str; type(v).__name__ names each.
def parse_kv(line):
    key, _, value = line.partition("=")
    key = key.strip()
    value = value.strip()
    if value.isdigit():
        return key, int(value)
    if value.lower() in ("true", "false"):
        return key, value.lower() == "true"
    try_float = value.replace(".", "", 1)
    if try_float.isdigit():
        return key, float(value)
    return key, value

conf = dict(parse_kv(l) for l in """
name = demo
workers = 4
ratio = 0.75
verbose = true
""".strip().splitlines())
print(conf)
for k, v in conf.items():
    print(k, type(v).__name__, v)
if conf["verbose"]:
    print("workers:", conf["workers"] * 2)
pairs = [("a", 1), ("b", None), ("c", 2.5)]
for name, value in pairs:
    print(name, type(value).__name__, value)
print(type(3).__name__, type("x").__name__, type([1]).__name__, type((1, "a")).__name__, type({}).__name__)
def pick(flag):
    if flag:
        return (1, "one")
    return (0, None)
print(pick(True), pick(False), pick(True) == (1, "one"))
