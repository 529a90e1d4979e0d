# A tokenizer and a shunting-yard evaluator over tokens that are ints, floats or operator strings,
# told apart by isinstance; a dict of precedences looked up by a token of several types.
def tokenize(expr):
    tokens = []
    num = ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
        else:
            if num:
                tokens.append(float(num) if "." in num else int(num))
                num = ""
            if ch in "+-*/()":
                tokens.append(ch)
    if num:
        tokens.append(float(num) if "." in num else int(num))
    return tokens

def evaluate(tokens):
    def_ops = {"+": 1, "-": 1, "*": 2, "/": 2}
    out = []
    ops = []
    for t in tokens:
        if isinstance(t, str) and t in def_ops:
            while ops and ops[-1] != "(" and def_ops[ops[-1]] >= def_ops[t]:
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(t)
    while ops:
        out.append(ops.pop())
    stack = []
    for t in out:
        if isinstance(t, str):
            b = stack.pop()
            a = stack.pop()
            if t == "+":
                stack.append(a + b)
            elif t == "-":
                stack.append(a - b)
            elif t == "*":
                stack.append(a * b)
            else:
                stack.append(a / b)
        else:
            stack.append(t)
    return stack[0]

for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 0.5", "2 * (3 + 4) * 5"]:
    toks = tokenize(e)
    print(toks, "=", evaluate(toks))
