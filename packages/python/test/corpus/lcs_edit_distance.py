# Longest common subsequence and edit distance tables, with an alignment reconstructed from them.
def lcs(a: str, b: str) -> str:
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = 1 + table[i + 1][j + 1]
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    out = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)


def edit_distance(a: str, b: str) -> tuple[int, list[str]]:
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    ops: list[str] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (0 if a[i - 1] == b[j - 1] else 1):
            if a[i - 1] != b[j - 1]:
                ops.append(f"sub {a[i - 1]}->{b[j - 1]}")
            i -= 1
            j -= 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            ops.append(f"del {a[i - 1]}")
            i -= 1
        else:
            ops.append(f"ins {b[j - 1]}")
            j -= 1
    ops.reverse()
    return d[n][m], ops


pairs = [("ABCBDAB", "BDCABA"), ("kitten", "sitting"), ("sunday", "saturday"), ("", "abc"),
         ("intention", "execution"), ("same", "same")]
for a, b in pairs:
    dist, ops = edit_distance(a, b)
    common = lcs(a, b)
    print(f"{a!r:12} {b!r:12} lcs={common!r:8} len={len(common)} edit={dist} {ops}")
words = ["apple", "apply", "ample", "maple", "angle", "ape"]
target = "appel"
ranked = sorted(words, key=lambda w: (edit_distance(w, target)[0], w))
print("closest to", target, ranked[:3])
