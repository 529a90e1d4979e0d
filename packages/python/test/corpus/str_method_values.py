# str methods passed as functions: sort keys, map, filter, min and max keys.
words = ["banana", "Apple", "cherry", "apple", "Banana", "  date "]
print(sorted(words, key=str.lower))
print(sorted(words, key=str.casefold, reverse=True))
print(list(map(str.strip, words)))
print(list(map(str.upper, words)))
print(list(filter(str.istitle, words)))
print(max(words, key=str.lower), min(words, key=str.strip))
print([w for w in map(str.title, ["hello world", "python"])])
lines = ["a,b", "c", "d,e,f"]
print(list(map(str.split, lines)))
print(sorted(map(str.swapcase, words)))
