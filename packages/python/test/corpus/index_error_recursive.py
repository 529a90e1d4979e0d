# A recursive descent over a token list that runs off the end of the list: IndexError.
TOKENS = "( 1 ( 2 3 ) ( 4 ( 5 6 ) ) 7".split()


def parse(pos: int, depth: int) -> int:
    total = 0
    while TOKENS[pos] != ")":
        if TOKENS[pos] == "(":
            inner = parse(pos + 1, depth + 1)
            pos = inner
        else:
            total += int(TOKENS[pos])
            print("  " * depth + TOKENS[pos])
        pos += 1
    print("  " * depth + f"sum {total}")
    return pos


print(len(TOKENS), "tokens")
print(parse(1, 0))
