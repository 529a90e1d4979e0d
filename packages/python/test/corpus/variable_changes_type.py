# A variable must keep one type: here it is an int, then a str.
label = 0
for i in range(3):
    if i == 2:
        label = "two"
print(label)
