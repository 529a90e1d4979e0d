# continue skips only the rest of the innermost loop's body.
for i in range(1, 5):
    for j in range(1, 5):
        if j == i:
            continue
        if (i + j) % 3 == 0:
            continue
        print(i, j, end="; ")
    print()

pairs = 0
for a in range(10):
    if a % 2 == 1:
        continue
    b = 0
    while b < 10:
        b += 1
        if b % 3 != 0:
            continue
        if a + b > 12:
            break
        pairs += 1
print("pairs", pairs)

# Multiplication table skipping the diagonal, with a row total.
for row in range(1, 6):
    total = 0
    for col in range(1, 6):
        if row == col:
            print("  .", end="")
            continue
        total += row * col
        print(f"{row * col:3}", end="")
    print(f" | {total}")

i = 0
skipped = 0
while i < 20:
    i += 1
    if i % 4 == 0:
        skipped += 1
        continue
print("i", i, "skipped", skipped)
