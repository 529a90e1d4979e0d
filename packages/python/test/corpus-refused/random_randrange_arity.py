# expect: random.randrange() takes 1 to 3 arguments (0 given)
# at: 4:7
import random
print(random.randrange())
