# The Takeuchi function: deep, branching recursion with three int arguments.
def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


total = 0
for i in range(80):
    total += tak(24 + i % 2, 16, 8)
print(total)
