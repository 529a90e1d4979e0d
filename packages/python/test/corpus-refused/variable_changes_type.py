# expect: 'label' cannot have one static type: it is int (line 4) and str here
# at: 7:9
# A variable must keep one type: here it is an int, then a str.
label = 0
for i in range(3):
    if i == 2:
        label = "two"
print(label)
