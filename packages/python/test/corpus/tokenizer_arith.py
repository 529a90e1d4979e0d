# Tokenizes and evaluates arithmetic expressions with a shunting-yard parser.
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}


def tokenize(src: str) -> list[str]:
    tokens: list[str] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(src[i:j])
            i = j
        elif c in "+-*/%^()":
            tokens.append(c)
            i += 1
        else:
            tokens.append("?" + c)
            i += 1
    return tokens


def to_rpn(tokens: list[str]) -> list[str]:
    out: list[str] = []
    ops: list[str] = []
    for t in tokens:
        if t.isdigit():
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and (PRECEDENCE[ops[-1]] > PRECEDENCE[t] or
                                              (PRECEDENCE[ops[-1]] == PRECEDENCE[t] and t != "^")):
                out.append(ops.pop())
            ops.append(t)
    while ops:
        out.append(ops.pop())
    return out


def evaluate(rpn: list[str]) -> int:
    stack: list[int] = []
    for t in rpn:
        if t.isdigit():
            stack.append(int(t))
            continue
        b = stack.pop()
        a = stack.pop()
        if t == "+":
            stack.append(a + b)
        elif t == "-":
            stack.append(a - b)
        elif t == "*":
            stack.append(a * b)
        elif t == "/":
            stack.append(a // b)
        elif t == "%":
            stack.append(a % b)
        else:
            stack.append(a ** b)
    return stack[0]


for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "100 / 7 % 4", "((15 / (7 - (1 + 1))) * 3) - (2 + (1 + 1))",
             "2 * (3 + 4) * (5 - 6)", "42"]:
    rpn = to_rpn(tokenize(expr))
    print(f"{expr:<44} {' '.join(rpn):<32} = {evaluate(rpn)}")
print(tokenize("12+x*(3)"))
print(evaluate(to_rpn(tokenize("10 / (5 - 5)"))))
