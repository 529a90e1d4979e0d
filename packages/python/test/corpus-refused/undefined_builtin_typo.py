# expect: did you mean 'print'
# at: 6:9
# A misspelled builtin is reported with the builtin's name.
for i in range(3):
    if i == 2:
        pirnt("done")
