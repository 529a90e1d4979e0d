# expect: unsupported: random.randit
# at: 5:7
# A misspelled member of random is refused with the nearest name: did you mean 'randint'?
import random
print(random.randit(1, 6))
