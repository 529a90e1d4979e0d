# print with sep and end, and with zero or many arguments.
print()
print(1, 2, 3)
print(1, 2, 3, sep=", ")
print(1, 2, 3, sep="")
print("a", "b", sep=" -> ", end="!\n")
print("no newline", end="")
print(" ... continued")
print("x", end="")
print("y", end="")
print("z", sep="#")
print(1.5, True, None, "s", -0.0, sep="|")
print(sep="ignored")
print(end="")
print("multi", "line", sep="\n")
print("tab", "separated", "values", sep="\t", end="\n\n")

for i in range(5):
    print(i, end=" " if i < 4 else "\n")

for row in range(1, 4):
    for col in range(1, 4):
        print(row * col, end="\t")
    print()
print("a", "b", end=".", sep="")
print()
