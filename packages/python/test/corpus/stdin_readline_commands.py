# A tiny stack machine reading one command per line from standard input with sys.stdin.readline.
# stdin: push3 push4 add push5 mul dup add print end
import sys

stack = []
while True:
    line = sys.stdin.readline()
    if not line:
        break
    cmd = line.strip()
    if cmd == "end":
        break
    if cmd.startswith("push"):
        stack.append(int(cmd[4:]))
    elif cmd == "add":
        b = stack.pop()
        a = stack.pop()
        stack.append(a + b)
    elif cmd == "mul":
        b = stack.pop()
        a = stack.pop()
        stack.append(a * b)
    elif cmd == "dup":
        stack.append(stack[-1])
    elif cmd == "print":
        print("top:", stack[-1])
    print(f"{cmd:<6}{stack}")
print("final", stack)
