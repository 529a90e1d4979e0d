# expect: did you mean 'total'
# at: 9:7
# A misspelled variable is reported at compile time, with a suggestion.
total = 0
for i in range(10):
    total += i
if total > 10:
    print("big")
print(totl)
