"""CPython's answers for the `%` and str.format differential test (str-format.test.ts).

Prints one line per case, "COMMAND<TAB>EXPECTED", in str_format_harness.c's language; answers are
repr() of the result or "!Kind: message". Formats are drawn piece by piece: literal text (with
braces, quotes and non-ASCII), conversions with every flag, width and precision (including '*'),
fields with every conversion, nested specs, indexes and keys; some are then cut short or given a
stray brace or an extra or missing argument, so that every error is reached. Arguments are ints
(with the int64 extremes), floats (nan, infinities, -0.0, huge, tiny), bools, None, strs, and
lists, tuples and dicts of them.
"""

import random
import struct
import sys

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 3000

ALPHABET = list("abcxyz019 ") + ["'", '"', "\\", "\n", "\t", "\x7f", "é", "ÿ", "中", "😀", "\u2028", "\x85", ":", "!", "."]
INTS = [0, 1, -1, 7, -42, 255, 1000, -65536, 2**31, 2**53 + 1, 2**62, -(2**62) - 1, 2**63 - 1, -(2**63)]
FLOATS = [
    0.0, -0.0, 0.5, -1.5, 2.675, 1e16, 1e22, 123456.789, -0.000123, 1e-5, 1e300, -1e300, 5e-324,
    1.7976931348623157e308, 2.2250738585072014e-308, float("nan"), float("inf"), float("-inf"), 0.1, 100.0,
]  # fmt: skip
CODE_POINTS = [0, 9, 10, 39, 65, 0x7F, 0xE9, 0x4E2D, 0x1F600, 0x10FFFF, 0x110000, -1, 2**63 - 1, -(2**63)]


def hx(s):
    return s.encode("utf-8").hex() or "-"


def text(lo=0, hi=6, alphabet=ALPHABET):
    return "".join(random.choice(alphabet) for _ in range(random.randint(lo, hi)))


def an_int():
    return random.choice(INTS) if random.random() < 0.5 else random.randint(-10**6, 10**6)


def a_float():
    r = random.random()
    if r < 0.5:
        return random.choice(FLOATS)
    if r < 0.8:
        return random.uniform(-1000, 1000)
    return random.gauss(0, 1) * 10 ** random.randint(-30, 30)


def scalar():
    r = random.random()
    if r < 0.3:
        return an_int()
    if r < 0.55:
        return a_float()
    if r < 0.8:
        return text()
    return random.choice([True, False, None])


def container(depth=0):
    r = random.random()
    n = random.randint(0, 3)
    if r < 0.25:
        return [an_int() for _ in range(n)]
    if r < 0.4:
        return [text(0, 3) for _ in range(n)]
    if r < 0.5:
        return [a_float() for _ in range(n)]
    if r < 0.75:
        return tuple(any_value(depth + 1) for _ in range(n))
    if r < 0.85 and depth < 2:
        return [container(depth + 1) for _ in range(n)]
    return {random.choice(["a", "b", "key", "é"]): an_int() for _ in range(n)}


def any_value(depth=0):
    return container(depth) if depth < 2 and random.random() < 0.2 else scalar()


def kind(v):
    if v is None:
        return "n"
    if isinstance(v, bool):
        return "b"
    if isinstance(v, int):
        return "i"
    if isinstance(v, float):
        return "f"
    return "o"


def enc(v):
    k = kind(v)
    if k == "n":
        return "n"
    if k == "b":
        return "b1" if v else "b0"
    if k == "i":
        return f"i{v}"
    if k == "f":
        return "f" + struct.pack(">d", v).hex()
    if isinstance(v, str):
        return "s" + v.encode("utf-8").hex()
    if isinstance(v, list):
        kinds = {kind(x) for x in v}
        assert len(kinds) <= 1, "a list holds elements of one kind"
        return " ".join([f"l{kinds.pop() if kinds else 'i'}{len(v)}"] + [enc(x) for x in v])
    if isinstance(v, tuple):
        return " ".join([f"t{len(v)}"] + [enc(x) for x in v])
    keys = {kind(x) for x in v}
    kinds = {kind(x) for x in v.values()}
    head = f"d{keys.pop() if keys else 'o'}{kinds.pop() if kinds else 'i'}{len(v)}"
    return " ".join([head] + [enc(x) for p in v.items() for x in p])


def answer(compute):
    try:
        return repr(compute())
    except MemoryError:
        return None  # a width from a nested field can ask for more than there is: not a case
    except (ValueError, TypeError, OverflowError, IndexError, KeyError, AttributeError) as e:
        return f"!{type(e).__name__}: {e}"


def emit(command, expected):
    # A message quoting a spec that a nested field filled with a tab or line break would break the line.
    if expected is not None and "\n" not in expected and "\t" not in expected:
        print(f"{command}\t{expected}")


# ---- format % args ----------------------------------------------------------------------------------

INT_CONVERSIONS = "diuoxX"
FLOAT_CONVERSIONS = "eEfFgG"


def percent_arg(conversion):
    r = random.random()
    if r < 0.15:
        return any_value()
    if conversion in INT_CONVERSIONS:
        return an_int() if r < 0.75 else random.choice([a_float(), True, False])
    if conversion in FLOAT_CONVERSIONS:
        return a_float() if r < 0.75 else random.choice([an_int(), True])
    if conversion == "c":
        return random.choice(CODE_POINTS) if r < 0.6 else random.choice(["x", "é", "😀", "", "ab", True])
    return any_value()


def star(precision):
    r = random.random()
    if r < 0.85:
        return random.randint(-12, 12)
    # Only a precision may be huge: a width that large is a MemoryError.
    return random.choice([True, 1.5, "3", -(2**63)] + ([2**31, -(2**31) - 1, 2**40] if precision else []))


def percent_spec(args):
    spec = "%"
    if random.random() < 0.03:
        return spec + random.choice(["(a)s", "(", ""])
    spec += "".join(random.choice("-+ #0") for _ in range(random.choice([0, 0, 1, 1, 2, 3])))
    if random.random() < 0.4:
        if random.random() < 0.2:
            spec += "*"
            args.append(star(False))
        else:
            spec += str(random.randint(0, 25))
    if random.random() < 0.4:
        spec += "."
        r = random.random()
        if r < 0.2:
            spec += "*"
            args.append(star(True))
        elif r < 0.9:
            spec += str(random.choice([0, 1, 2, 3, 5, 10, 17, 30, 60]))
    if random.random() < 0.05:
        spec += random.choice("hlL")
    r = random.random()
    if r < 0.04:
        return spec + random.choice(["q", "ü", "z", "%", "", "b", "n"])
    conversion = random.choice(INT_CONVERSIONS + FLOAT_CONVERSIONS + "csrac")
    if conversion == "%" and spec == "%":
        return "%%"
    args.append(percent_arg(conversion))
    return spec + conversion


def percent_case():
    pieces, args = [], []
    for _ in range(random.randint(0, 4)):
        if random.random() < 0.4:
            pieces.append(text(0, 4))
        else:
            pieces.append(percent_spec(args))
    fmt = "".join(pieces)
    r = random.random()
    if r < 0.04 and args:
        args.pop()
    elif r < 0.08:
        args.append(scalar())
    elif r < 0.1:
        fmt = fmt[: random.randint(0, len(fmt))]
    args = tuple(args)
    emit(f"P {hx(fmt)} {enc(args)}", answer(lambda: fmt % args))


# ---- str.format ------------------------------------------------------------------------------------

FILLS = ["", "", "", "*", " ", "0", "é", "中"]


def format_spec(value):
    spec = ""
    if random.random() < 0.5:
        spec += random.choice(FILLS) + random.choice("<>^=")
    spec += random.choice(["", "", "+", "-", " "])
    if random.random() < 0.1:
        spec += "z"
    if random.random() < 0.2:
        spec += "#"
    if random.random() < 0.2:
        spec += "0"
    if random.random() < 0.5:
        spec += str(random.randint(0, 20))
    spec += random.choice(["", "", "", ",", "_"])
    if random.random() < 0.3:
        spec += "." + str(random.randint(0, 12))
    k = kind(value)
    if k in "ib" and random.random() < 0.8:
        spec += random.choice(["", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%"])
    elif k == "f" and random.random() < 0.8:
        spec += random.choice(["", "e", "E", "f", "F", "g", "G", "n", "%"])
    elif isinstance(value, str) and random.random() < 0.8:
        spec += random.choice(["", "s"])
    else:
        spec += random.choice(["", "d", "s", "x", "f", "q"])
    return spec


def field_name(args, kwargs, numbering):
    r = random.random()
    if r < 0.1 and kwargs:
        name = random.choice(list(kwargs) + ["missing"])
        value = kwargs.get(name)
    elif numbering == "auto":
        name = ""
        value = args[0] if args else None
    else:
        index = random.randint(0, len(args) - (random.random() < 0.9 and len(args) > 0))
        name = str(index) if random.random() < 0.95 else "٣"
        value = args[index] if index < len(args) else None
    if random.random() < 0.15:
        r = random.random()
        if r < 0.6:
            name += f"[{random.randint(0, 3)}]"
        elif r < 0.8:
            name += "[" + random.choice(["a", "b", "key", "é", "-1", ""]) + "]"
        elif r < 0.9:
            name += "." + random.choice(["foo", "", "x[0]"])
        else:
            name += random.choice(["[0", "[0]x", "[0][0]", "{"])
        value = None
    return name, value


def format_field(args, kwargs, numbering):
    name, value = field_name(args, kwargs, numbering)
    field = "{" + name
    if random.random() < 0.3:
        conversion = random.choice("rsa" * 5 + "x")
        field += "!" + conversion
        value = "" if conversion in "rsa" else value
    if random.random() < 0.6:
        spec = format_spec(value)
        if random.random() < 0.1:
            cut = random.randint(0, len(spec))
            spec = spec[:cut] + "{" + ("" if numbering == "auto" else str(random.randint(0, 2))) + "}" + spec[cut:]
            if random.random() < 0.1:
                spec = spec.replace("}", ":{}}", 1)
        field += ":" + spec
    return field + "}"


def format_case():
    args = tuple(any_value() for _ in range(random.randint(0, 4)))
    # A dict's values share one kind: ints, floats, bools or objects.
    value = random.choice([an_int, a_float, lambda: random.random() < 0.5, lambda: random.choice([text(), container()])])
    kwargs = {name: value() for name in random.sample(["a", "b", "name", "é"], random.randint(0, 2))}
    numbering = random.choice(["auto", "manual"])
    pieces = []
    for _ in range(random.randint(0, len(args) if numbering == "auto" and random.random() < 0.9 else 4)):
        if random.random() < 0.3:
            pieces.append(text(0, 4).replace("{", "{{").replace("}", "}}") + random.choice(["", "", "{{", "}}"]))
        else:
            pieces.append(format_field(args, kwargs, numbering if random.random() < 0.95 else "manual"))
    fmt = "".join(pieces)
    r = random.random()
    if r < 0.05:
        fmt = fmt[: random.randint(0, len(fmt))]
    elif r < 0.08:
        cut = random.randint(0, len(fmt))
        fmt = fmt[:cut] + random.choice("{}") + fmt[cut:]
    given = kwargs if kwargs or random.random() < 0.5 else None
    wire = enc(given) if given is not None else "-"
    emit(f"F {hx(fmt)} {enc(args)} {wire}", answer(lambda: fmt.format(*args, **(given or {}))))


# Corners a random draw may miss: each error of both, and the int64 and float extremes.
PERCENT_CORNERS = [
    ("%5%", ()), ("%5%", (1,)), ("%q", ()), ("%", ()), ("x%", ()), ("%(a)s", (1,)), ("%*d", (-(2**63), 1)),
    ("%.*d", (2**40, 1)), ("%05f", (float("nan"),)), ("%F %E %G", (float("nan"), float("inf"), -float("inf"))),
    ("%c", (1.5,)), ("%c", (None,)), ("%c", ("ab",)), ("%.3c", ("a",)), ("%c", (0x110000,)), ("%c", (-1,)),
    ("%x", (1.5,)), ("%d", (float("nan"),)), ("%d", (float("inf"),)), ("%d %i %u", (1e30, -1e300, 5e-324)),
    ("%e", ("a",)), ("%-05d", (3,)), ("%#5x|%#05x|%#-8X|%#o|%#.5o", (3, -3, 255, 8, -8)), ("%a %r", ("é😀", "é")),
    ("%.2r", ("abc",)), ("%hd %ld %Lf", (3, 4, 5.0)), ("%.d", (3,)), ("%.*d", (-5, 3)), ("%*d", (1.5, 3)),
    ("%*d", (True, 3)), ("%.99999999999d", (1,)), ("%9999999999999999999999d", (1,)), ("%ü", (1,)),
    ("%d %x %o", (2**63 - 1, -(2**63), -(2**63))), ("%+d % d %+ d", (0, 0, -0)), ("%s %s %s %s", (None, True, 0.1, [1, 2])),
    ("%r", ((1, ("x",), {"a": 1}, [], ()),)), ("%#g %#.0f %#.0e %.0g", (1.0, 2.0, 3.0, 0.0001)), ("%%%s%%", ("x",)),
    ("abc", ()), ("abc", (1,)), ("", ()), ("%s", ()), ("%s %s", (1,)), ("%.1000f", (1e-300,)), ("%20.3e|%-20.3E|", (-0.0, 1e300)),
]  # fmt: skip
FORMAT_CORNERS = [
    ("{0!r", (1,), None), ("{0[a]}", ("abc",), None), ("{0[0]}", ({0: 1},), None), ("{0[0]}", ({"a": 1},), None),
    ("{:{:{}}}", (1, 2, 3), None), ("{0.foo}", ([1],), None), ("{0.}", (1,), None), ("{0[}", (1,), None),
    ("{0]}", (1,), None), ("{0[0]x}", ([1],), None), ("{!}", (1,), None), ("{!x}", (1,), None), ("{!é}", (1,), None),
    ("{:x}", (None,), None), ("{}", (), None), ("{0}{}", (1, 2), None), ("{}{0}", (1, 2), None), ("{a}", (), None),
    ("{a}", (), {}), ("{ }", (), None), ("{0[-1]}", ([1],), None), ("{0[1]}", ((1,),), None), ("{0[5]}", ("ab",), None),
    ("{0[0]}", (5,), None), ("{0[0]}", (None,), None), ("{:%}", (True,), None), ("{!s:>5}", (None,), None),
    ("{0!r:}", (1,), None), ("}", (), None), ("{", (), None), ("{{}}", (), None), ("{0:{", (1,), None),
    ("{:{}}", (1,), None), ("{:{}}", (1, ""), None), ("{:>{}}|{:{}{}}", ("ab", 6, 3.5, "^", 9), None),
    ("{0[1][0]}{0[2][a]}", ((1, "xy", {"a": 2.5}),), None), ("{٣}", (0, 1, 2, 3), None), ("{0!a} {0!r} {0!s}", ("é\n'",), None),
    ("{name} {é:>4}", (), {"name": "x", "é": "y"}), ("{1}{0}{1}", ("a", "b"), None), ("{99999999999999999999}", (), None),
    ("{:d} {:,} {:_x} {:c}", (-(2**63), 2**63 - 1, -(2**62), 0x1F600), None), ("{!r:^9}", ("é",), None),
    ("{0:{1}}", ([1], ""), None), ("{0:{1}}", ({}, "x"), None), ("{:.3}", ("abcdef",), None), ("{0", (1,), None),
    ("{0:", (1,), None), ("{0!", (1,), None), ("{0!rx}", (1,), None), ("{0[0].x}", ([[]],), None), ("a{{b}}c", (), None),
]  # fmt: skip

for fmt, args in PERCENT_CORNERS:
    emit(f"P {hx(fmt)} {enc(args)}", answer(lambda: fmt % args))
for fmt, args, given in FORMAT_CORNERS:
    emit(f"F {hx(fmt)} {enc(args)} {enc(given) if given is not None else '-'}", answer(lambda: fmt.format(*args, **(given or {}))))

for _ in range(COUNT):
    percent_case()
    format_case()
