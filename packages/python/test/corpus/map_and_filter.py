# map and filter with lambdas and builtins, lazily where they are iterated and as lists.
line = "3 14 15 92 65"
nums = list(map(int, line.split()))
print(nums, sum(map(int, line.split())), max(map(len, line.split())))
evens = list(filter(lambda n: n % 2 == 0, nums))
print(evens, list(filter(None, [0, 1, 2, 0, 3])))
for i, s in enumerate(map(str, nums)):
    print(i, s.zfill(3))
print(sorted(map(lambda n: -n, nums)), list(map(abs, [-1, 2, -3])))
print([w for w in filter(lambda w: w.isalpha(), ["ab", "1", "cd"])])
print(list(map(ord, "abc")), "".join(map(chr, [72, 105])))
print(any(map(lambda n: n > 90, nums)), list(enumerate(filter(lambda n: n > 10, nums))))
