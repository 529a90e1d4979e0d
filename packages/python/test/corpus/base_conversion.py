# Converts numbers between bases by hand and checks against int(s, base), bin, oct and hex.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))


def from_base(s: str, base: int) -> int:
    sign = 1
    if s.startswith("-"):
        sign, s = -1, s[1:]
    total = 0
    for ch in s.lower():
        total = total * base + DIGITS.index(ch)
    return sign * total


for n in [0, 5, 10, 255, 256, 1000, -42, 65535, 123456789]:
    row = [to_base(n, b) for b in (2, 3, 8, 16, 36)]
    ok = all(from_base(r, b) == n for r, b in zip(row, (2, 3, 8, 16, 36)))
    print(f"{n:>10} {row[0]:>28} {row[1]:>18} {row[2]:>10} {row[3]:>8} {row[4]:>6} {ok}")
print(f"{2024:#b} {2024:#o} {2024:#x}", from_base("7e8", 16), from_base("11111101000", 2), from_base("zz", 36))
print(to_base(2024, 16) == f"{2024:x}", from_base("-ff", 16))
bits = [to_base(n, 2).count("1") for n in range(17)]
print("popcounts:", bits)
gray = [n ^ (n >> 1) for n in range(8)]
print("gray code:", [to_base(g, 2).zfill(3) for g in gray])
print(f"{255:08b} {255:o} {255:x} {255:X} {-255:#x}")
