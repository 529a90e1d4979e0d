# Looks up positions of requested colours in a palette; list.index of a missing one raises ValueError.
PALETTE = ["black", "navy", "teal", "olive", "maroon", "silver", "white"]
REQUESTS = ["teal", "white", "black", "fuchsia", "navy"]


def position(colour: str) -> int:
    return PALETTE.index(colour)


def describe(colour: str) -> str:
    p = position(colour)
    return f"{colour} is colour {p} of {len(PALETTE)}"


print(sorted(PALETTE, key=len))
for c in REQUESTS:
    print(describe(c))
