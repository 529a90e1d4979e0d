# Text files: writing with `with open(...)`, reading whole, by line and by iteration, print(file=...),
# sys.stdout.write, and the numbers of sys.stdin summed.
# stdin: 1 2 3
import sys
path = "text_files_and_streams.txt"
with open(path, "w") as out:
    for i in range(3):
        out.write(f"line {i}\n")
    print("done", 42, file=out)
with open(path) as f:
    text = f.read()
print(repr(text), len(text.splitlines()))
for line in open(path):
    print(line.rstrip().upper())
f = open(path)
print(f.readline(), end="")
print(f.readlines())
f.close()
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
total = 0
for line in sys.stdin:
    total += int(line)
print(total)
