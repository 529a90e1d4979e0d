# Greedy word wrapping and full justification of a paragraph to several widths.
PARAGRAPH = (
    "The quick brown fox jumps over the lazy dog while the sleepy cat watches from "
    "a sunny windowsill and wonders why anyone would ever want to jump over anything "
    "at all on such a warm and pleasant afternoon in late summer."
)


def wrap(words: list[str], width: int) -> list[list[str]]:
    lines: list[list[str]] = []
    current: list[str] = []
    length = 0
    for w in words:
        if current and length + 1 + len(w) > width:
            lines.append(current)
            current = []
            length = 0
        if current:
            length += 1
        current.append(w)
        length += len(w)
    if current:
        lines.append(current)
    return lines


def justify(line: list[str], width: int) -> str:
    if len(line) == 1:
        return line[0].ljust(width)
    letters = sum(len(w) for w in line)
    gaps = len(line) - 1
    spaces = width - letters
    out = ""
    for i, w in enumerate(line[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + line[-1]


words = PARAGRAPH.split()
for width in [30, 42]:
    print("+" + "-" * width + "+")
    lines = wrap(words, width)
    for i, line in enumerate(lines):
        if i == len(lines) - 1:
            text = " ".join(line).ljust(width)
        else:
            text = justify(line, width)
        print("|" + text + "|")
    print("+" + "-" * width + "+")
centered = [" ".join(l).center(36, ".") for l in wrap(words[:12], 30)]
print("\n".join(centered))
print(max(len(w) for w in words), min(words, key=len), len(words))
