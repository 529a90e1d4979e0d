# Parses a table of measurements; a malformed number ends the run with a ValueError.
ROWS = """sensor-a, 12.5, 13.1, 12.9
sensor-b, 7, 8, 7.5
sensor-c, 21.0, 2l.5, 22.1
sensor-d, 1, 2, 3"""


def parse_row(line: str) -> tuple[str, list[float]]:
    parts = [p.strip() for p in line.split(",")]
    values = []
    for p in parts[1:]:
        values.append(to_number(p))
    return parts[0], values


def to_number(text: str) -> float:
    return float(text)


for line in ROWS.splitlines():
    name, values = parse_row(line)
    print(f"{name}: mean {sum(values) / len(values):.3f} max {max(values)}")
