# expect: unsupported: itertools.count() of an int start and a float step
# at: 5:10
# count(1, 0.5) gives the int 1 and then floats: no one static element type.
from itertools import count
for x in count(1, 0.5):
    print(x)
    break
