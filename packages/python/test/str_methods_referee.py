"""CPython's answers for the str-methods differential test (str-methods.test.ts).

Prints one line per case, "COMMAND<TAB>EXPECTED", in str_methods_harness.c's language: arguments
s:HEX (str as hex of its UTF-8), i:N, t:HEX,... (tuple of str), l:HEX,... (list of str, "-" for an
empty one); answers
are repr() of the result or "!Kind: message". Strings are drawn from an alphabet of the characters
where str methods differ: whitespace and line breaks of every kind, \\r\\n, Latin-1, Greek sigmas,
special casings ('ß', 'İ', 'ﬁ', 'ŉ'), title-case letters ('ǅ'), case-ignorable marks, digits and
numerics of other scripts, CJK, astral letters and emoji. Every code point is also checked as a
single by "chars" lines (a CRC-32 of its forms; see the harness).
"""

import random
import sys
import zlib

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
BIG = 2**63 - 1

ALPHABET = (
    list("abcxyzABCXYZ019")
    + [" ", " ", "\t", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
    + ["\xa0", "\u3000", "+", "-", "_", ".", ":", "'", "\u0301", "\u0345"]
    + ["é", "ÿ", "µ", "ß", "İ", "ı", "ﬁ", "ŉ", "ǰ", "ǅ", "ǆ", "Ǆ", "ῼ", "ᾳ"]
    + ["Σ", "σ", "ς", "Α", "ά", "Ω"]
    + ["½", "²", "٣", "Ⅻ", "〇", "中", "文", "\U0001d400", "\U00010400", "\U00010428", "😀", "\U0001f1fa"]
)


def hx(s):
    return s.encode("utf-8").hex()


def text(lo=0, hi=10):
    return "".join(random.choice(ALPHABET) for _ in range(random.randint(lo, hi)))


def word(s):
    """A separator or pattern: often a piece of s, else new text, sometimes empty."""
    r = random.random()
    if s and r < 0.5:
        i = random.randrange(len(s))
        return s[i : i + random.randint(1, 3)]
    if r < 0.6:
        return ""
    return text(1, 2)


def index():
    r = random.random()
    if r < 0.1:
        return random.choice([BIG, -BIG - 1, 2**40, -(2**40)])
    return random.randint(-14, 14)


def reprs(value):
    return "True" if value is True else "False" if value is False else repr(value)


def case(runtime, compute, *args):
    def arg(a):
        kind, v = a
        if kind == "s":
            return "s:" + hx(v)
        if kind == "i":
            return f"i:{v}"
        return f"{kind}:" + ",".join(hx(x) or "-" for x in v)

    try:
        out = reprs(compute(*[v for _, v in args]))
    except (ValueError, TypeError, OverflowError) as e:
        out = f"!{type(e).__name__}: {e}"
    print(f"{runtime} {' '.join(arg(a) for a in args)}\t{out}")


SIMPLE = ["upper", "lower", "casefold", "title", "capitalize", "swapcase"]
PREDICATES = [
    "isdecimal", "isdigit", "isnumeric", "isalpha", "isalnum", "isspace", "isascii", "isidentifier",
    "isupper", "islower", "istitle",
]  # fmt: skip

CLASSES = {name: [c for c in ALPHABET if getattr(c, name)()] or ["a"] for name in PREDICATES}

for _ in range(COUNT):
    s = text()
    for name in SIMPLE + PREDICATES:
        case(name, getattr(str, name), ("s", s))
    for name in PREDICATES:
        # Strings all of one class, which a random one seldom is.
        same = "".join(random.choice(CLASSES[name]) for _ in range(random.randint(1, 3)))
        case(name, getattr(str, name), ("s", same))
    for name in ["strip", "lstrip", "rstrip"]:
        case(f"{name}_whitespace", getattr(str, name), ("s", s))
        case(name, getattr(str, name), ("s", s), ("s", word(s) + text(0, 2)))
    case("removeprefix", str.removeprefix, ("s", s), ("s", s[: random.randint(0, 3)] if random.random() < 0.7 else word(s)))
    case("removesuffix", str.removesuffix, ("s", s), ("s", s[len(s) - random.randint(0, 3):] if random.random() < 0.7 else word(s)))
    for name in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
        start, end = (0, BIG) if random.random() < 0.3 else (index(), index())
        case(name, getattr(str, name), ("s", s), ("s", word(s)), ("i", start), ("i", end))
    for name in ["startswith", "endswith"]:
        start, end = (0, BIG) if random.random() < 0.5 else (index(), index())
        parts = tuple(word(s) for _ in range(random.randint(0, 3)))
        case(f"{name}_tuple", getattr(str, name), ("s", s), ("t", parts), ("i", start), ("i", end))
    count = random.choice([-1, -1, -5, 0, 1, 2, 3, 100])
    case("replace", str.replace, ("s", s), ("s", word(s)), ("s", text(0, 2)), ("i", count))
    case("partition", str.partition, ("s", s), ("s", word(s)))
    case("rpartition", str.rpartition, ("s", s), ("s", word(s)))
    maxsplit = random.choice([-1, -1, -3, 0, 1, 2, 3])
    case("split_whitespace", lambda s, m: s.split(None, m), ("s", s), ("i", maxsplit))
    case("rsplit_whitespace", lambda s, m: s.rsplit(None, m), ("s", s), ("i", maxsplit))
    case("split", str.split, ("s", s), ("s", word(s)), ("i", maxsplit))
    case("rsplit", str.rsplit, ("s", s), ("s", word(s)), ("i", maxsplit))
    case("splitlines", str.splitlines, ("s", s), ("i", random.choice([0, 1, 2])))
    case("join", str.join, ("s", word(s)), ("l", [text(0, 3) for _ in range(random.randint(0, 4))]))
    fill = random.choice([" ", "*", random.choice(ALPHABET)[0], random.choice(ALPHABET)[-1], "", "ab"])
    for name in ["center", "ljust", "rjust"]:
        case(name, getattr(str, name), ("s", s), ("i", random.randint(-2, 16)), ("s", fill))
    case("zfill", str.zfill, ("s", random.choice(["+", "-", ""]) + s), ("i", random.randint(-2, 16)))
    case("expandtabs", str.expandtabs, ("s", s + "\t" + text()), ("i", random.randint(-2, 10)))


def single(c):
    forms = [getattr(c, name)() for name in SIMPLE]
    forms += [("A" + c + "Σ").lower(), ("1" + c + "Σ").lower()]
    flags = "I" if ("a" + c).isidentifier() else "."
    flags += "".join(chr(ord("a") + k) if getattr(c, name)() else "." for k, name in enumerate(PREDICATES))
    return "|".join(forms) + "|" + flags + "\n"


CHUNK = 0x4000
for start in range(0, 0x110000, CHUNK):
    data = "".join(single(chr(cp)) for cp in range(start, start + CHUNK) if not 0xD800 <= cp < 0xE000)
    print(f"chars {start} {start + CHUNK}\t{zlib.crc32(data.encode('utf-8')):08x}")
