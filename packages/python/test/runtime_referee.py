"""CPython's answers for the runtime differential test (runtime.test.ts).

Prints one line per case, "COMMAND<TAB>EXPECTED", in runtime_harness.c's language: strings as hex
of their UTF-8, floats as hex of their IEEE bits, raised errors as "!Kind: message". The cases are
random (seeded by argv[1]) plus the corners that matter: powers of two, halfway cases, signed zeros,
infinities, NaN, the int64 limits, every part of the format-spec grammar. The random module's cases
come last and run in order on one generator, since each draw moves it.

Where the runtime knowingly differs from CPython the expected line says what the runtime does
instead: complex results of ** raise ValueError.
"""

import math
import random
import struct
import sys

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
SCALE = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
COMPLEX = (
    "!ValueError: a negative number raised to a fractional power has a complex result; "
    "complex numbers are not supported yet"
)


def n(count):
    return max(1, int(count * SCALE))


def float_hex(x):
    return struct.pack(">d", x).hex()


def str_hex(s):
    return s.encode("utf-8", "surrogatepass").hex() or "-"


def case(command, compute, kind):
    try:
        r = compute()
        if kind == "s":
            out = r.encode("utf-8", "surrogatepass").hex()
        elif kind == "t":
            out = r
        elif kind == "f":
            if isinstance(r, complex):
                out = COMPLEX
            else:
                out = float_hex(r)
        else:
            out = str(r)
    except OverflowError as e:
        out = COMPLEX if str(e) == "complex exponentiation" else f"!OverflowError: {e}"
    except Exception as e:
        out = f"!{type(e).__name__}: {e}"
    print(f"{command}\t{out}")


SPECIAL_FLOATS = [
    0.0, -0.0, 0.1, 0.5, 1.5, 2.5, -2.5, 1e16, 1e-5, 1e22, 5e-324, 1.7976931348623157e308, 123456789.0,
    2.0**60, 2.0**-1022, 1 / 3, math.inf, -math.inf, math.nan, 0.125, 9.5, 1e15, 999999999999999.9,
]


def random_float():
    k = random.random()
    if k < 0.3:
        return struct.unpack(">d", random.getrandbits(64).to_bytes(8, "big"))[0]
    if k < 0.5:
        return random.uniform(-1e6, 1e6)
    if k < 0.6:
        return float(random.randint(-(10**6), 10**6))
    if k < 0.7:
        return random.choice(SPECIAL_FLOATS)
    if k < 0.85:
        return 2.0 ** random.randint(-1074, 1023) * random.choice([1, -1])
    return round(random.uniform(-1000, 1000), random.randint(0, 6))


def random_int():
    return random.choice(
        [random.randint(-(2**63), 2**63 - 1), random.randint(-1000, 1000), random.randint(0, 0x10FFFF), 0, -(2**63)]
    )


def random_spec(kind):
    parts = []
    if random.random() < 0.3:
        parts.append(random.choice(["", "*", "é", "0", " ", "<"]) + random.choice("<>^="))
    elif random.random() < 0.2:
        parts.append(random.choice("<>^="))
    if random.random() < 0.3:
        parts.append(random.choice("+- "))
    if random.random() < 0.1:
        parts.append("z")
    if random.random() < 0.2:
        parts.append("#")
    if random.random() < 0.2:
        parts.append("0")
    if random.random() < 0.5:
        parts.append(str(random.randint(0, 25)))
    if random.random() < 0.2:
        parts.append(random.choice([",", "_", ",_", "_,", ",,"]))
    if random.random() < 0.4:
        parts.append("." + str(random.randint(0, 20)) if random.random() < 0.95 else ".")
    if random.random() < 0.8:
        types = {"f": "eEfFgGn%", "i": "bcdoxXneEfFgG%", "s": "s"}[kind]
        parts.append(random.choice(types + ("dsxq\x01é" if random.random() < 0.1 else "")))
    if random.random() < 0.02:
        parts.append("xy")
    return "".join(parts)


# Float repr: random values and every power of two (the lopsided rounding intervals).
floats = [random_float() for _ in range(n(3000))] + SPECIAL_FLOATS
floats += [2.0**e for e in range(-1074, 1024, 1 if SCALE >= 1 else 5)]
for x in floats:
    case(f"repr {float_hex(x)}", lambda: repr(x), "s")

# The format-spec mini-language.
for _ in range(n(4000)):
    x, spec = random_float(), random_spec("f")
    case(f"format_f {float_hex(x)} {str_hex(spec)}", lambda: format(x, spec), "s")
for _ in range(n(4000)):
    x, spec = random_int(), random_spec("i")
    case(f"format_i {x} {str_hex(spec)}", lambda: format(x, spec), "s")
for _ in range(n(300)):
    b, spec = random.choice([True, False]), random_spec("i") if random.random() < 0.7 else ""
    case(f"format_b {int(b)} {str_hex(spec)}", lambda: format(b, spec), "s")
STRINGS = [
    "", "abc", "héllo", "it's", 'say "hi"', "both ' and \"", "tab\there", "\x00\x7f\x85\xa0\xad", "日本語", "😀x",
    "\u2028\ue000\U0010ffff\u0378", "back\\slash", "\x1b[0m",
]
for _ in range(n(1500)):
    s, spec = random.choice(STRINGS), random_spec("s")
    case(f"format_s {str_hex(s)} {str_hex(spec)}", lambda: format(s, spec), "s")
for s in STRINGS:
    case(f"str {str_hex(s)}", lambda: repr(s), "s")

# int() and float() of strings.
INT_TEXTS = [
    "0", "-0", " 12 ", "+5", "1_000", "1__0", "_1", "1_", "- 1", "0x10", "١٢", "1\u00a0", "\x1c1", "", " ",
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "00", "0_0", "1e5", "abc" * 100,
    "12\x00", "\u3000\u30007", "1" * 5000,
]
for s in INT_TEXTS:
    case(f"int {str_hex(s)}", lambda: int(s), "i")
for s, b in [
    ("0x1f", 16), ("1f", 16), ("0x1f", 0), ("010", 0), ("0", 0), ("00", 0), ("0b101", 0), ("0o17", 8), ("z", 36),
    ("Z", 37), ("1", 1), ("0_0", 0), ("0x_1", 16), ("0x__1", 16), ("-0x10", 0), ("10", 2), ("12", 2),
]:
    case(f"int_base {str_hex(s)} {b}", lambda: int(s, b), "i")
FLOAT_TEXTS = [
    "1_0.5", "1._5", "1e1_0", "inf", "-Infinity", "nAn", "+nan", "1e", ".e1", ".5", "5.", "0x1p3", "nan(1)", "in",
    "1_e5", "1e_5", " 1.5\n", "", "  ", "1.5e308", "1e400", "-1e-400", "١.٥", "infinityx", "--1", "+-1", "1.2.3",
    "1e+5", "1E-5", "0.1", "123456789012345678901234567890", "2.2250738585072011e-308", "0.1\x00",
]
for s in FLOAT_TEXTS:
    case(f"float {str_hex(s)}", lambda: float(s), "f")

# Float arithmetic with Python's rules.
SPECIAL_OPERANDS = [
    0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, math.inf, -math.inf, math.nan, 1e308, 1e-308, 10.0,
    1 / 3, -8.0, 2.5,
]
for _ in range(n(1500)):
    a = random.choice(SPECIAL_OPERANDS + [random_float()])
    b = random.choice(SPECIAL_OPERANDS + [random_float()])
    if b != 0:
        case(f"floordiv {float_hex(a)} {float_hex(b)}", lambda: a // b, "f")
        case(f"mod {float_hex(a)} {float_hex(b)}", lambda: a % b, "f")
    case(f"pow {float_hex(a)} {float_hex(b)}", lambda: a**b, "f")

# Conversions and rounding.
for x in floats[: n(800)] + SPECIAL_OPERANDS:
    case(f"f2i {float_hex(x)}", lambda: int(x), "i")
    case(f"round {float_hex(x)}", lambda: round(x), "i")
    for digits in [random.randint(-20, 20), random.randint(-330, 330), 0, 1, 2, -1]:
        case(f"round_f {float_hex(x)} {digits}", lambda: round(x, digits), "f")
for _ in range(n(300)):
    x = random.choice([random.randint(-(2**63), 2**63 - 1), random.randint(-(10**6), 10**6), 15, 25, -15, 5, 50, 150])
    digits = random.randint(-21, 3)
    case(f"round_i {x} {digits}", lambda: round(x, digits), "i")

# Integer powers.
for _ in range(n(300)):
    b, e = random.randint(-20, 20), random.randint(0, 70)
    m = random.choice([random.randint(-(10**12), 10**12), 7, -7, 1, 2**62 + 1, -(2**63)])
    case(f"ipow {b} {e}", lambda: b**e, "i")
    ee = random.randint(-100, 10**15)
    if m != 0:
        case(f"powmod {b} {ee} {m}", lambda: pow(b, ee, m), "i")
case("powmod 3 5 0", lambda: pow(3, 5, 0), "i")

# int / int (correctly rounded) and exact int-float comparison.
for _ in range(n(1500)):
    a, b = random_int(), random.choice([random_int(), random.randint(-9, 9), 2**53 + 1, -(2**63)])
    case(f"truediv {a} {b}", lambda: a / b, "f")
for _ in range(n(1500)):
    a = random.choice([random_int(), 2**53 + 1, 2**63 - 1, -(2**63), 2**53, 0])
    x = random.choice([float(a), float(a) + 0.5, random_float(), float(a + 1), math.nan, float(2**63)])
    case(f"cmp_if {a} {float_hex(x)}", lambda: 2 if math.isnan(x) else (a > x) - (a < x), "i")
case("powmod 2 -1 4", lambda: pow(2, -1, 4), "i")

# The math module.
MATH_1 = [
    "sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
    "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt", "erf", "erfc", "fabs", "degrees", "radians", "gamma",
    "lgamma", "ulp",
]
for name in MATH_1:
    xs = SPECIAL_OPERANDS + [random_float() for _ in range(n(40))] + [random.uniform(-2, 2) for _ in range(n(20))]
    xs += [random.uniform(-200, 200) for _ in range(n(20))] + [-1.0, -2.0, 1.5, 171.5, 172.0, -0.5, 1e-310, 141.5]
    for x in xs:
        case(f"math1 {name} {float_hex(x)}", lambda: getattr(math, name)(x), "f")
for name in ["atan2", "copysign", "hypot", "fmod", "pow", "log", "nextafter"]:
    for _ in range(n(120)):
        a = random.choice(SPECIAL_OPERANDS + [random_float(), random.uniform(-10, 10)])
        b = random.choice(SPECIAL_OPERANDS + [random_float(), random.uniform(-10, 10)])
        case(f"math2 {name} {float_hex(a)} {float_hex(b)}", lambda: getattr(math, name)(a, b), "f")
# hypot near the subnormal range, where CPython divides by the maximum instead of scaling.
for _ in range(n(100)):
    a = random.uniform(-1, 1) * 2.0 ** random.randint(-1074, -1000)
    b = random.uniform(-1, 1) * 2.0 ** random.randint(-1074, -1000)
    case(f"math2 hypot {float_hex(a)} {float_hex(b)}", lambda: math.hypot(a, b), "f")
for name in ["floor", "ceil", "trunc"]:
    for x in SPECIAL_OPERANDS + floats[: n(100)]:
        case(f"math_toint {name} {float_hex(x)}", lambda: getattr(math, name)(x), "i")
for name in ["gcd", "lcm", "factorial", "isqrt", "comb", "perm"]:
    for _ in range(n(60)):
        a = random.choice([random.randint(-30, 70), random.randint(-(2**63), 2**63 - 1), 0, -(2**63)])
        b = random.choice([random.randint(-5, 70), random.randint(0, 2**40), 0])
        if name == "factorial":
            a = random.randint(-5, 30)
        if name in ("comb", "perm") and a > 10**6 and b > 100:
            continue
        args = (a,) if name in ("factorial", "isqrt") else (a, b)
        case(f"mathi {name} {a} {b}", lambda: getattr(math, name)(*args), "i")

# The random module: one generator drawn from in order, as the harness's, reseeded now and then so
# that every seed's stream is compared from its start.
gen = random.Random()
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def range_int():
    return random.choice(
        [random.randint(-20, 20), random.randint(-(10**6), 10**6), random.randint(INT64_MIN, INT64_MAX)]
        + [INT64_MIN, INT64_MAX, 0, 1, -1, 2**32, 2**53 + 1]
    )


def joined(indexes):
    return " ".join(map(str, indexes))


SEEDS = [0, 1, 42, 2**32 + 5, -7, 12345678901, 2**32 - 1, 2**32, INT64_MAX, INT64_MIN, -(2**40)]
for s in SEEDS + [random.randint(INT64_MIN, INT64_MAX) for _ in range(n(6))]:
    case(f"rseed {s}", lambda: gen.seed(s) or "ok", "t")
    for _ in range(n(3000)):
        case("rrandom", gen.random, "f")
    for _ in range(n(800)):
        k = random.choice([random.randint(0, 64), random.randint(0, 8), 70, -1])
        case(f"rbits {k}", lambda: gen.getrandbits(k), "i")
    for _ in range(n(800)):
        bound = random.choice([random.randint(1, 10), random.randint(1, 2**20), random.randint(1, INT64_MAX)])
        case(f"rbelow {bound}", lambda: gen._randbelow(bound), "i")
        size = random.choice([0, random.randint(1, 100)])
        case(f"rchoice {size}", lambda: gen.choice(range(size)), "i")
    for _ in range(n(300)):
        a, b = range_int(), range_int()
        step = random.choice([1, 1, -1, 0, random.randint(-50, 50), random.randint(INT64_MIN, INT64_MAX)])
        case(f"rrange1 {a}", lambda: gen.randrange(a), "i")
        case(f"rrange {a} {b} {step}", lambda: gen.randrange(a, b, step), "i")
        case(f"rint {a} {b}", lambda: gen.randint(a, b), "i")
        case(f"rint {min(a, b)} {max(a, b)}", lambda: gen.randint(min(a, b), max(a, b)), "i")
    for _ in range(n(500)):
        x, y, z = random_float(), random.uniform(-100, 100), random.uniform(-100, 100)
        case(f"runiform {float_hex(y)} {float_hex(z)}", lambda: gen.uniform(y, z), "f")
        case(f"runiform {float_hex(x)} {float_hex(y)}", lambda: gen.uniform(x, y), "f")
        case(f"rgauss {float_hex(y)} {float_hex(abs(z))}", lambda: gen.gauss(y, abs(z)), "f")
        lambd = random.choice([y, 0.0, 1.0, x])
        case(f"rexpo {float_hex(lambd)}", lambda: gen.expovariate(lambd), "f")
        case(f"rtri {float_hex(y)} {float_hex(z)}", lambda: gen.triangular(y, z), "f")
        mode = random.choice([y, z, (y + z) / 2, random.uniform(-100, 100)])
        high = random.choice([z, y])
        case(f"rtrim {float_hex(y)} {float_hex(high)} {float_hex(mode)}", lambda: gen.triangular(y, high, mode), "f")
    for _ in range(n(150)):
        size = random.choice([random.randint(0, 30), random.randint(0, 3000), random.randint(0, 2**40)])
        k = random.choice([random.randint(0, min(size, 40)), random.randint(0, min(size, 2000)), size + 1, -1])
        case(f"rsample {size} {k}", lambda: joined(gen.sample(range(size), k)), "t")
    for _ in range(n(60)):
        size = random.randint(0, 400)
        indexes = list(range(size))
        case(f"rshuffle {size}", lambda: gen.shuffle(indexes) or joined(indexes), "t")
