# A failing assert without a message: the last stderr line is just "AssertionError".
def triangle(n):
    return n * (n + 1) // 2


total = 0
for i in range(1, 11):
    total += i
    print("total", total)
    assert total == triangle(i)
assert total == 55
assert total % 2 == 0
