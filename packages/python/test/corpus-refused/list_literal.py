# expect: unsupported: list
# at: 4:10
# Lists are outside the subset.
scores = [90, 85, 77]
total = 0
for i in range(3):
    total += scores[i]
print(total)
