# expect: unsupported: len, a function of one argument
# at: 6:14
# reduce's function combines two values: len (a function of one argument) cannot be it.
from functools import reduce

print(reduce(len, ["a", "bb"]))
