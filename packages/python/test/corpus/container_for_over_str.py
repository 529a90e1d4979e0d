# A for loop may only iterate over range(...).
word = "hello"
count = 0
for ch in word:
    count += 1
print(count)
