# expect: unsupported: deque.count()
# at: 7:7
# deque's count() is CPython's but not compiled: it is refused as unsupported, not unknown.
from collections import deque

d = deque([1, 2, 1])
print(d.count(1))
