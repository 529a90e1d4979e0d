# list_literal: now compiled.
scores = [90, 85, 77]
total = 0
for i in range(3):
    total += scores[i]
print(total)
