"""CPython's answers for the sets differential test (sets.test.ts).

Prints one line per case, "COMMAND<TAB>EXPECTED", in set_harness.c's language. The cases are seeded
random (argv[1]): hashes of ints, floats, strings, tuples and frozensets; sequences of adds, discards,
removes and pops on sets of every element kind and many sizes, up to growth past 50,000 elements and
deletion of most of them, showing the iteration order after each phase; and every set operation
between random sets and frozensets. argv[2] "hashes" limits the run to the cases whose answers depend
on the hash seed of strings (run with another PYTHONHASHSEED).

Left out, where CPython 3.11 gives no fixed answer: hash(None) and hash(nan) (both by address), and
NaN elements (CPython tells NaN objects apart by identity; floats here are unboxed).
"""

import random
import struct
import sys

r = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
ONLY_HASHES = len(sys.argv) > 2 and sys.argv[2] == "hashes"
out = sys.stdout

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def case(command, expected):
    out.write(f"{command}\t{expected}\n")


# ---- values and their tokens ----------------------------------------------------------------------

INT_CORNERS = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**62, INT64_MAX, INT64_MIN, -(2**61), -(2**61 - 1)]


def rand_int():
    c = r.random()
    if c < 0.35:
        return r.randrange(-50, 1000)
    if c < 0.5:
        return r.randrange(0, 1 << 16) * r.choice([8, 32, 1024])  # strides that collide in the low bits
    if c < 0.6:
        return max(INT64_MIN, min(INT64_MAX, r.choice(INT_CORNERS) + r.randrange(-3, 4)))
    if c < 0.8:
        return r.randrange(INT64_MIN, INT64_MAX + 1)
    return r.randrange(-(10**6), 10**6)


def rand_float():
    c = r.random()
    if c < 0.25:
        return float(r.randrange(-(10**6), 10**6))
    if c < 0.45:
        return r.randrange(-4000, 4000) / r.choice([2, 4, 8, 10, 3])
    if c < 0.55:
        return r.choice([0.0, -0.0, float("inf"), float("-inf"), 2.0**61, 2.0**63, -(2.0**63), 1e308, 5e-324, 1e-300])
    if c < 0.75:
        return r.uniform(-1e6, 1e6)
    return struct.unpack(">d", struct.pack(">Q", r.getrandbits(64)))[0] if r.random() < 0.5 else r.random()


ALPHABETS = [
    "abcxyz",
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
    "ab\x80\xa0\xe9\xff",  # Latin-1
    "a\u0101\u03b1\u20ac\uffff\xe9",  # BMP
    "a\U0001f600\U0001d11e\U0010ffff\xe9\u20ac",  # astral
]


def rand_str():
    length = r.choice([0, 1, 1, 2, 3, 4, 6, 8, 13, 24, 40])
    alphabet = r.choice(ALPHABETS)
    return "".join(r.choice(alphabet) for _ in range(length))


def rand_value(kind):
    if kind == "i":
        v = rand_int()
    elif kind == "f":
        v = rand_float()
        while v != v:
            v = rand_float()
    elif kind == "b":
        v = r.random() < 0.5
    else:
        v = rand_str()
    return v


def token(v):
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return struct.pack(">d", v).hex()
    return v.encode("utf-8").hex() or "-"


def typed_token(v):
    """A value of `hash`'s grammar."""
    if isinstance(v, tuple):
        return " ".join(["t("] + [typed_token(x) for x in v] + [")"])
    if isinstance(v, frozenset):
        return " ".join(["fs("] + [typed_token(x) for x in v] + [")"])
    if isinstance(v, bool):
        return f"b:{int(v)}"
    if isinstance(v, int):
        return f"i:{v}"
    if isinstance(v, float):
        return f"f:{token(v)}"
    return f"s:{token(v)}"


def rand_tuple(depth=0):
    items = []
    for _ in range(r.choice([0, 1, 2, 3, 5])):
        c = r.random()
        if c < 0.15 and depth < 3:
            items.append(rand_tuple(depth + 1))
        elif c < 0.25 and depth < 3:
            items.append(frozenset(rand_value(r.choice("ifs")) for _ in range(r.randrange(0, 5))))
        else:
            items.append(rand_value(r.choice("ifsb")))
    return tuple(items)


def hashes():
    for _ in range(1500):
        case(f"hash i:{(v := rand_int())}", hash(v))
    for v in INT_CORNERS:
        case(f"hash i:{v}", hash(v))
    for _ in range(1500):
        v = rand_float()
        if v == v:
            case(f"hash f:{token(v)}", hash(v))
    for _ in range(1500):
        case(f"hash s:{token(v := rand_str())}", hash(v))
    for v in [True, False]:
        case(f"hash b:{int(v)}", hash(v))
    for _ in range(800):
        v = rand_tuple()
        case(f"hash {typed_token(v)}", hash(v))
    for _ in range(300):
        kind = r.choice("ifs")
        v = frozenset(rand_value(kind) for _ in range(r.randrange(0, 12)))
        case(f"hash {typed_token(v)}", hash(v))


# ---- sets -------------------------------------------------------------------------------------------

slots = {}
HARNESS_KIND = {"i": "i", "f": "f", "b": "b", "s": "s"}


def shown(s):
    return f"{len(s)}:" + "".join(" " + token(v) for v in s)


def new(slot, kind, frozen=False, values=()):
    values = list(values)
    slots[slot] = (frozenset if frozen else set)(values)
    case(f"new {slot} {kind} {int(frozen)}", "ok")
    if values:
        case(f"adds {slot} " + " ".join(token(v) for v in values), "ok")


def show(slot):
    case(f"show {slot}", shown(slots[slot]))


def error_of(e):
    return f"!{type(e).__name__}: {e}"


def mutations(slot, kind, count, pool):
    """Random adds, discards, removes and pops on a set, values drawn from `pool` or fresh."""
    s = slots[slot]
    for _ in range(count):
        c = r.random()
        v = r.choice(pool) if pool and r.random() < 0.7 else rand_value(kind)
        if c < 0.45:
            s.add(v)
            pool.append(v)
            case(f"add {slot} {token(v)}", "ok")
        elif c < 0.65:
            case(f"discard {slot} {token(v)}", int(v in s))
            s.discard(v)
        elif c < 0.75:
            try:
                s.remove(v)
                expected = "ok"
            except KeyError as e:
                expected = error_of(e)
            case(f"remove {slot} {token(v)}", expected)
        elif c < 0.85:
            try:
                expected = token(s.pop())
            except KeyError as e:
                expected = error_of(e)
            case(f"pop {slot}", expected)
        else:
            case(f"contains {slot} {token(v)}", int(v in s))


def phases(kind, sizes):
    for size in sizes:
        new(0, kind)
        pool = []
        for _ in range(4):
            mutations(0, kind, size, pool)
            show(0)
        case("clear 0", "ok")
        slots[0].clear()
        mutations(0, kind, size // 2 + 1, pool)
        show(0)


def large(kind, count):
    """Growth past 50,000 elements, then heavy deletion, pops and regrowth."""
    new(0, kind)
    s = slots[0]
    values = [rand_value(kind) for _ in range(count)]
    for i in range(0, count, 2000):
        chunk = values[i : i + 2000]
        s.update(chunk)
        case("adds 0 " + " ".join(token(v) for v in chunk), "ok")
        if i % 20000 == 0:
            show(0)
    show(0)
    doomed = r.sample(values, count * 9 // 10) + [rand_value(kind) for _ in range(100)]
    for i in range(0, len(doomed), 2000):
        chunk = doomed[i : i + 2000]
        found = 0
        for v in chunk:
            if v in s:
                found += 1
                s.discard(v)
        case("discards 0 " + " ".join(token(v) for v in chunk), found)
    show(0)
    n = min(len(s), 3000)
    case(f"pops 0 {n}", "popped" + "".join(" " + token(s.pop()) for _ in range(n)))
    show(0)
    more = [rand_value(kind) for _ in range(count // 3)]
    s.update(more)
    case("adds 0 " + " ".join(token(v) for v in more), "ok")
    show(0)
    case("drop 0", "ok")


BINARY = {
    "union": lambda a, b: a | b,
    "intersection": lambda a, b: a & b,
    "difference": lambda a, b: a - b,
    "symmetric_difference": lambda a, b: a ^ b,
}


def inplace(name, a, b):
    if name == "ior":
        a |= b
    elif name == "iand":
        a &= b
    elif name == "isub":
        a -= b
    else:
        a ^= b
    return a


def random_set(slot, kind, frozen, like=None):
    """A set from a shared pool (so operands overlap), sometimes with deletions behind it (dummies);
    or mostly `like`'s elements, so that differences leave many dummies (and shrink the table)."""
    size = r.choice([0, 1, 2, 3, 5, 8, 12, 20, 40, 100, 400, 2000])
    values = [r.choice(POOL[kind]) if r.random() < 0.8 else rand_value(kind) for _ in range(size)]
    if like is not None:
        values = [v for v in like if r.random() < 0.8] + values[: size // 8]
    new(slot, kind, False, values)
    if r.random() < 0.4 and slots[slot]:
        gone = r.sample(sorted(slots[slot], key=token), len(slots[slot]) // 2)
        for v in gone:
            slots[slot].discard(v)
        case(f"discards {slot} " + " ".join(token(v) for v in gone), len(gone))
    if frozen:
        # frozenset(s) of a set: what a frozenset built from a set is in both.
        slots[slot] = frozenset(slots[slot])
        case(f"new 9 {kind} 1", "ok")
        case(f"op update 0 9 {slot}", shown(slots[slot]))
        case(f"op copy {slot} 9", shown(slots[slot]))
        case("drop 9", "ok")


POOL = {}


def operations(kind, rounds):
    POOL[kind] = [rand_value(kind) for _ in range(600)]
    for _ in range(rounds):
        random_set(1, kind, r.random() < 0.25)
        random_set(2, kind, r.random() < 0.25, slots[1] if r.random() < 0.4 else None)
        for a, b in [(1, 2), (2, 1), (1, 1)]:
            sa, sb = slots[a], slots[b]
            for name, f in BINARY.items():
                slots[3] = f(sa, sb)
                case(f"op {name} 3 {a} {b}", shown(slots[3]))
            case(f"compare {a} {b}", " ".join(str(int(x)) for x in [sa <= sb, sa >= sb, sa.isdisjoint(sb), sa == sb]))
            for name in ["ior", "iand", "isub", "ixor"]:
                slots[4] = sa.copy()
                case(f"op copy 4 {a}", shown(slots[4]))
                operand = 4 if a == b else b
                slots[5] = inplace(name, slots[4], slots[operand])
                case(f"op {name} 5 4 {operand}", shown(slots[5]))
            if not isinstance(sa, frozenset):
                for name in ["update", "intersection_update", "difference_update", "symmetric_difference_update"]:
                    slots[4] = sa.copy()
                    case(f"op copy 4 {a}", shown(slots[4]))
                    getattr(slots[4], name)(slots[4] if a == b else sb)
                    case(f"op {name} 0 4 {4 if a == b else b}", shown(slots[4]))
            try:
                expected = hash(sa)
            except TypeError as e:
                expected = error_of(e)
            case(f"sethash {a}", expected)


hashes()
if ONLY_HASHES:
    phases("s", [5, 40, 300])
    operations("s", 15)
else:
    phases("i", [3, 8, 20, 60, 200, 1000])
    phases("s", [3, 10, 40, 300])
    phases("f", [5, 40, 300])
    phases("b", [6])
    large("i", 70000)
    large("s", 60000)
    operations("i", 60)
    operations("s", 30)
    operations("f", 15)
