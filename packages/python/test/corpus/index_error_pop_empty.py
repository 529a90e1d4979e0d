# A stack machine runs a program until a pop from an empty stack raises IndexError.
PROGRAM = "push 3 push 4 add push 5 mul dup add print push 2 sub print add print"


def run(tokens: list[str]) -> None:
    stack: list[int] = []
    i = 0
    while i < len(tokens):
        op = tokens[i]
        if op == "push":
            stack.append(int(tokens[i + 1]))
            i += 1
        elif op == "add":
            stack.append(stack.pop() + stack.pop())
        elif op == "mul":
            stack.append(stack.pop() * stack.pop())
        elif op == "sub":
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "print":
            print("top:", stack[-1], "depth:", len(stack))
        i += 1


run(PROGRAM.split())
