# Checks bracket balance in code snippets and reports the position of the first problem.
PAIRS = {")": "(", "]": "[", "}": "{"}
SNIPPETS = [
    "f(a[1], {b: (c + d)})",
    "if (x > [1, 2) {",
    "((()))[]{}",
    "{[}]",
    "print('(' + s)",
    "",
    "]",
    "(((",
    "while (i < n) { a[i] = (b[i] + c[i]) * 2; i++; }",
]


def check(src: str) -> str:
    stack: list[tuple[str, int]] = []
    in_string = False
    for i, ch in enumerate(src):
        if ch == "'":
            in_string = not in_string
        elif in_string:
            continue
        elif ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack:
                return f"unexpected {ch!r} at {i}"
            opener, at = stack.pop()
            if opener != PAIRS[ch]:
                return f"{ch!r} at {i} does not close {opener!r} from {at}"
    if stack:
        return f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
    return "ok"


for s in SNIPPETS:
    print(f"{s!r:52} {check(s)}")


def max_depth(src: str) -> int:
    depth = best = 0
    for ch in src:
        if ch in "([{":
            depth += 1
            best = max(best, depth)
        elif ch in ")]}":
            depth -= 1
    return best


print([max_depth(s) for s in SNIPPETS])
valid = [p for p in ["()()", "(())", "()(", ")("] if check(p) == "ok"]
print(valid)
