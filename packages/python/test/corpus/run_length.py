# Run-length encoding and decoding, plus the look-and-say sequence built from it.
def encode(s: str) -> list[tuple[str, int]]:
    runs: list[tuple[str, int]] = []
    for ch in s:
        if runs and runs[-1][0] == ch:
            runs[-1] = (ch, runs[-1][1] + 1)
        else:
            runs.append((ch, 1))
    return runs


def encode_str(s: str) -> str:
    return "".join(f"{n}{c}" for c, n in encode(s))


def decode_str(s: str) -> str:
    out = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


samples = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
           "aabcccccaaa", "abc", "", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
for s in samples:
    e = encode_str(s)
    d = decode_str(e)
    ratio = len(e) / len(s) if s else 0.0
    print(f"{len(s):>3} -> {len(e):>3} {ratio:.2f} {e[:40]!r} {d == s}")

term = "1"
for i in range(12):
    print(i + 1, term if len(term) < 50 else term[:47] + "...")
    term = "".join(f"{n}{c}" for c, n in encode(term))
print(len(term))
runs = encode("mississippi")
print(runs)
print(max(runs, key=lambda r: r[1]), sorted(set(c for c, _ in runs)))
