# Counter arithmetic: +, -, | and & keep positive counts; subtract keeps every count; total and
# elements; an augmented assignment changes the Counter other names see.
from collections import Counter

a = Counter("abracadabra")
b = Counter("alakazam")
print(a + b)
print(a - b)
print(b - a)
print(a | b)
print(a & b)
print((a + b).most_common(3), (a & b).total())
c = Counter({"x": 3, "y": -2, "z": 0})
d = Counter({"x": 1, "y": 1, "w": -4})
print(c + d, c - d, c | d, c & d)
c.subtract(d)
print(c, c.total())
print(sorted(Counter("mississippi").elements()))
alias = a
a += b
print(alias == a, len(alias), alias["z"])
big = Counter({1: 2**70})
print(big + big, (big - Counter({1: 1})).total())
