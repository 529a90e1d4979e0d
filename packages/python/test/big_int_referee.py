"""CPython's answers for the big-int differential test (big-int.test.ts).

Prints one line per case, "COMMAND<TAB>EXPECTED", in big_int_harness.c's language: ints as signed
hexadecimal, strings as hex of their UTF-8, floats as hex of their IEEE bits, raised errors as
"!Kind: message". Operands are seeded random (argv[1]) around the boundaries that matter to the
runtime (0, +-1, the small range's ends +-2**62, +-2**63, +-2**64, +-2**128) and of random sizes up
to thousands of bits.
"""

import math
import random
import struct
import sys

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
SCALE = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0


def n(count):
    return max(1, int(count * SCALE))


def show(r):
    if isinstance(r, bool):
        return str(int(r))
    if isinstance(r, int):
        return format(r, "x")
    if isinstance(r, float):
        return struct.pack(">d", r).hex()
    if isinstance(r, str):
        return r.encode("utf-8", "surrogatepass").hex()
    if isinstance(r, tuple):
        return " ".join(show(x) for x in r)
    raise TypeError(r)


def case(command, compute, kind=None):
    try:
        r = compute()
        out = str(int(r)) if kind == "d" else show(r)
    except Exception as e:
        out = f"!{type(e).__name__}: {e}"
    print(f"{command}\t{out}")


def h(x):
    return format(x, "x")


def str_hex(s):
    return s.encode("utf-8", "surrogatepass").hex() or "-"


EDGES = [0, 1, 2, 3, 2**62, 2**63, 2**64, 2**128, 2**61 - 1, 2**61, 10**18, 10**19]
BOUNDARY = sorted({s * (e + d) for e in EDGES for d in (-1, 0, 1) for s in (1, -1)})


def operand(max_bits=3000):
    k = random.random()
    if k < 0.3:
        return random.choice(BOUNDARY)
    if k < 0.5:
        return random.randint(-(2**64), 2**64)
    bits = random.choice([random.randint(1, 130), random.randint(1, max_bits)])
    x = random.getrandbits(bits)
    if random.random() < 0.2:
        x |= 1 << (bits - 1)  # a run of bits at the top, then zeros: exact halves after shifts
        x &= ~((1 << random.randint(0, bits - 1)) - 1)
    return -x if random.random() < 0.5 else x


def nonzero(max_bits=3000):
    x = operand(max_bits)
    return x if x != 0 else 1


# ---- arithmetic, bitwise, comparison -------------------------------------------------------------
BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "divmod": divmod,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
    "cmp": lambda a, b: (a > b) - (a < b),
    "eq": lambda a, b: a == b,
    "truediv": lambda a, b: a / b,
    "gcd": math.gcd,
    "lcm": math.lcm,
}
for name, f in BINARY.items():
    for i in range(n(1500)):
        a = operand()
        b = operand() if i % 10 else random.choice([0, a, -a, 1, -1])
        kind = "d" if name in ("cmp", "eq") else None
        case(f"{name} {h(a)} {h(b)}", lambda: f(a, b), kind)
    for a in BOUNDARY:
        for b in BOUNDARY:
            case(f"{name} {h(a)} {h(b)}", lambda: f(a, b), "d" if name in ("cmp", "eq") else None)

# True division at its edges: exact halves between floats, results near the largest and the
# subnormal floats, quotients of nearly equal operands.
for _ in range(n(2000)):
    m = random.getrandbits(54) | (1 << 53)
    tail = random.choice([0, 1, random.getrandbits(40)])
    shift = random.randint(0, 200)
    a = ((m << shift) | (tail if shift else 0)) * random.choice([1, -1])
    b = random.choice([1, 3, 7, 1 << random.randint(0, 1200), random.getrandbits(random.randint(1, 1200)) | 1])
    if random.random() < 0.3:
        a, b = b, a
    if random.random() < 0.2:
        a <<= random.choice([900, 1000, 1024, 1100])
    case(f"truediv {h(a)} {h(b)}", lambda: a / b)

def to_i64(a):
    """What C's long conversion gives: the value, or CPython's error for the long."""
    if not -(2**63) <= a < 2**63:
        raise OverflowError("Python int too large to convert to C long")
    return a


def int_pow(a, e):
    """int ** int without the float of a negative exponent, which is the compiler's business."""
    if e < 0:
        raise ValueError("negative exponent for an integer power")
    return a**e


UNARY = {"neg": lambda a: -a, "abs": abs, "invert": lambda a: ~a, "hash": hash, "bitlen": int.bit_length,
         "str": repr, "tof": float, "toi64": to_i64}
for name, f in UNARY.items():
    values = BOUNDARY + [operand(16000 if name == "str" else 3000) for _ in range(n(1500))]
    if name == "tof":
        # Halfway and near-halfway cases of the conversion, and the edge of overflow.
        for _ in range(n(1500)):
            m = random.getrandbits(53) | (1 << 52)
            low = random.choice([1, 0, 2, 3]) << random.randint(0, 5)
            values.append(((m << 2) | random.choice([1, 2, 3])) << random.randint(0, 970))
            values.append(-(((m << 8) | low) << random.randint(0, 960)))
        values += [2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971, 2**1024]
    for a in values:
        case(f"{name} {h(a)}", lambda: f(a), "d" if name in ("hash", "bitlen", "toi64") else None)

# ---- powers and shifts ---------------------------------------------------------------------------
for _ in range(n(1500)):
    a = operand(200)
    e = random.choice([0, 1, 2, 3, random.randint(0, 64), random.randint(0, 3000 // max(1, a.bit_length()))])
    if random.random() < 0.05:
        e = -random.randint(1, 5)
    case(f"pow {h(a)} {h(e)}", lambda: int_pow(a, e))
for a in [0, 1, -1, 2, -2]:
    for e in [0, 1, 2, 2**70, 2**70 + 1]:
        result = "!MemoryError: " if abs(a) > 1 and e > 1000 else show(a**e)
        print(f"pow {h(a)} {h(e)}\t{result}")
for _ in range(n(1500)):
    base, exponent, modulus = operand(), operand(), operand()
    if random.random() < 0.3:
        modulus = random.choice([0, 1, -1, 2, random.randint(-1000, 1000)])
    if random.random() < 0.3:
        exponent = random.randint(-5, 5)
    case(f"powmod {h(base)} {h(exponent)} {h(modulus)}", lambda: pow(base, exponent, modulus))
for _ in range(n(2000)):
    a = operand()
    count = random.choice([0, 1, 61, 62, 63, 64, 65, 127, 128, random.randint(0, 300), random.randint(0, 5000)])
    if random.random() < 0.05:
        count = -random.randint(1, 2**70)
    case(f"lshift {h(a)} {h(count)}", lambda: a << count)
    case(f"rshift {h(a)} {h(count)}", lambda: a >> count)
for a in [1, -1, 2**100]:
    for count in [2**40, 2**62, 2**64, 2**66, 2**70]:
        # CPython: MemoryError when the result's digits could be counted but not allocated.
        expected = "!OverflowError: too many digits in integer" if count // 30 >= (2**63 - 1) // 4 else "!MemoryError: "
        print(f"lshift {h(a)} {h(count)}\t{expected}")
        case(f"rshift {h(a)} {h(count)}", lambda: a >> count)
    case(f"lshift 0 {h(2**70)}", lambda: 0 << 2**70)

# ---- the math module -----------------------------------------------------------------------------
for _ in range(n(800)):
    a = operand(4000)
    case(f"isqrt {h(a)}", lambda: math.isqrt(a))
for a in [random.randint(-5, 1500) for _ in range(n(200))] + [2**63, 2**64, -(2**70)]:
    case(f"factorial {h(a)}", lambda: math.factorial(a))
for name in ("comb", "perm"):
    for _ in range(n(800)):
        big = random.choice([random.randint(-3, 100), random.getrandbits(random.randint(1, 300))])
        k = random.choice([random.randint(-3, 60), random.randint(0, 400), big - random.randint(0, 50)])
        # perm(n, k) has about k log2(n) bits, comb(n, k) min(k, n - k) log2(n): keep them small.
        if big > 10**6 and 400 < k and (name == "perm" or k < big - 400):
            k = random.randint(0, 400)
        case(f"{name} {h(big)} {h(k)}", lambda: getattr(math, name)(big, k))
    case(f"{name} {h(2**80)} {h(2**80 - 2**64)}", lambda: getattr(math, name)(2**80, 2**80 - 2**64))

# ---- floats to ints ------------------------------------------------------------------------------
for _ in range(n(1500)):
    x = struct.unpack(">d", random.getrandbits(64).to_bytes(8, "big"))[0]
    case(f"fromf {struct.pack('>d', x).hex()}", lambda: int(x))
for x in [0.0, -0.0, 0.5, -0.999, 1e30, -1e30, 2.0**62, -(2.0**62), 2.0**63, 1.7976931348623157e308,
          math.inf, -math.inf, math.nan]:
    case(f"fromf {struct.pack('>d', x).hex()}", lambda: int(x))

# ---- text: repr limits, parsing, formatting ------------------------------------------------------
for digits in [4299, 4300, 4301, 5000]:
    for s in (1, -1):
        x = s * (10 ** (digits - 1))
        case(f"str {h(x)}", lambda: repr(x))
        case(f"format {h(x)} {str_hex(',')}", lambda: format(x, ","))
        case(f"format {h(x)} {str_hex('x')}", lambda: format(x, "x"))
        text = str(s) + "1" * digits
        case(f"parse {str_hex(text)} d", lambda: int(text))
        case(f"parse {str_hex(text)} 16", lambda: int(text, 16))
        case(f"parse {str_hex(text)} 36", lambda: int(text, 36))
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def digits_in(x, base):
    out = ""
    x = abs(x)
    while True:
        out = ALPHABET[x % base] + out
        x //= base
        if x == 0:
            return out


PREFIX = {2: "0b", 8: "0o", 16: "0x"}
for _ in range(n(2500)):
    x = operand(2000)
    base = random.choice([10, 10, 0, 2, 8, 16, 36, 7, random.randint(2, 36)])
    digit_base = base if base else random.choice([10, 2, 8, 16])
    body = digits_in(x, digit_base)
    if random.random() < 0.3:
        body = "_".join(body[i : i + random.randint(1, 4)] for i in range(0, len(body), 4))
    if random.random() < 0.3:
        body = body.upper()
    prefix = PREFIX.get(digit_base, "") if base == 0 or (random.random() < 0.5) else ""
    text = ("-" if x < 0 else random.choice(["", "+"])) + prefix + body
    k = random.random()
    if k < 0.1:
        text = " \t" + text + "\n "
    elif k < 0.2:  # a bad character, a doubled or trailing underscore, or nothing
        i = random.randint(0, len(text))
        text = text[:i] + random.choice(["_", "__", "z", " ", "", "\u0661"]) + text[i:]
    elif k < 0.25:
        text = random.choice(["", "-", "0x", "_1", "1_", "012", "00", "0_0", "-0", "١٢٣"])
    arg = "d" if base == 10 and random.random() < 0.5 else str(base)
    case(f"parse {str_hex(text)} {arg}", lambda: int(text) if arg == "d" else int(text, base))
for base in [1, -1, 37]:
    case(f"parse {str_hex('10')} {base}", lambda: int("10", base))

SPECS = ["", "d", "x", "X", "o", "b", "n", "c", "e", "E", "f", "F", "g", "G", "%", ".3e", ".2f", "#x", "#X",
         "#o", "#b", ",", "_", "_x", "_b", "_o", ",d", "+", " ", "-", "=+30", "0=40", "040,", "*^60", ">50_",
         "<45", "^+#70_X", "030_b", "+.10g", ",.2%", "z", ".5", "=#50,", "s", "10c", "+c", "#c"]
for _ in range(n(3000)):
    x = operand(600) if random.random() < 0.9 else random.randint(0, 0x10FFFF + 10)
    spec = random.choice(SPECS)
    case(f"format {h(x)} {str_hex(spec)}", lambda: format(x, spec))
for spec in SPECS:
    for x in BOUNDARY:
        case(f"format {h(x)} {str_hex(spec)}", lambda: format(x, spec))
