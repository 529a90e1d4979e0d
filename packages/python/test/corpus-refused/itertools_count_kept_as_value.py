# expect: unsupported: an iterator over itertools.count() kept as a value
# at: 6:9
# A generator expression kept as a value is made a list; over count() that would never end.
from itertools import count

evens = (n for n in count() if n % 2 == 0)
for n in evens:
    print(n)
    break
