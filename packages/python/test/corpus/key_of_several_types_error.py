# A dict looked up by a value of several types raises KeyError for one of another class.
prec = {"+": 1, "*": 2}
items = ["+", 3, "*"]
print([prec[t] for t in items if t != 3])
print(prec[items[1]])
