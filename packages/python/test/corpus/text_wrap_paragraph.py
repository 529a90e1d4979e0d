# Greedy word wrapping of a paragraph to a width, then justified output with string methods.
text = ("Beautiful is better than ugly. Explicit is better than implicit. Simple is better than "
        "complex. Complex is better than complicated. Flat is better than nested.")
width = 30
lines = []
current = ""
for word in text.split():
    if current and len(current) + 1 + len(word) > width:
        lines.append(current)
        current = word
    elif current:
        current += " " + word
    else:
        current = word
if current:
    lines.append(current)
for line in lines:
    print("|" + line.ljust(width) + "|")
for line in lines[:-1]:
    words = line.split()
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words):
        out += w
        if i < gaps:
            out += " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    print("|" + out + "|")
print("|" + lines[-1].center(width) + "|")
