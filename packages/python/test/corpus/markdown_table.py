# Renders records as a Markdown table with per-column alignment and an ASCII box table.
HEADERS = ["planet", "moons", "diameter_km", "day_hours", "rings"]
ROWS = [
    ["Mercury", "0", "4879", "4222.6", "no"],
    ["Venus", "0", "12104", "2802.0", "no"],
    ["Earth", "1", "12756", "24.0", "no"],
    ["Mars", "2", "6792", "24.7", "no"],
    ["Jupiter", "95", "142984", "9.9", "yes"],
    ["Saturn", "146", "120536", "10.7", "yes"],
    ["Uranus", "28", "51118", "17.2", "yes"],
    ["Neptune", "16", "49528", "16.1", "yes"],
]


def numeric(col: int) -> bool:
    return all(r[col].replace(".", "", 1).isdigit() for r in ROWS)


widths = [max(len(HEADERS[c]), max(len(r[c]) for r in ROWS)) for c in range(len(HEADERS))]
right = [numeric(c) for c in range(len(HEADERS))]


def cell(text: str, c: int) -> str:
    return text.rjust(widths[c]) if right[c] else text.ljust(widths[c])


print("| " + " | ".join(cell(h, c) for c, h in enumerate(HEADERS)) + " |")
print("|" + "|".join("-" * (w + 1) + ":" if right[c] else ":" + "-" * (w + 1) for c, w in enumerate(widths)) + "|")
for r in ROWS:
    print("| " + " | ".join(cell(v, c) for c, v in enumerate(r)) + " |")
print()
border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(border)
print("| " + " | ".join(h.upper().center(w) for h, w in zip(HEADERS, widths)) + " |")
print(border.replace("-", "="))
for r in sorted(ROWS, key=lambda r: -int(r[1])):
    print("| " + " | ".join(cell(v, c) for c, v in enumerate(r)) + " |")
print(border)
print(sum(int(r[1]) for r in ROWS), "moons;", [r[0] for r in ROWS if r[4] == "yes"])
