# Comprehensions and the builtins that consume iterables.
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print([n * n for n in nums if n > 0])
print({n % 3: n for n in nums})
print(sum(nums), sum(n for n in nums if n < 0), sum([0.5, 0.25], 1))
print(min(nums), max(nums), min(nums, key=abs), max(nums, key=lambda n: -n))
print(min([], default=42), max(["pear", "fig", "banana"], key=len))
print(any(n > 5 for n in nums), all(n != 0 for n in nums), any([]), all([]))
print(sorted(nums), sorted(nums, key=abs, reverse=True))
print(list(enumerate("abc", 1)), list(zip(nums, "xyz")))
print(list(reversed(nums)), list(range(10, 0, -3)))
print([(i, j) for i in range(3) for j in range(i)])
print([[c for c in w] for w in ["ab", "cd"]])
print(len([x for x in range(100) if x % 7 == 0]), dict(zip("abc", range(3))))
x = 10
print([x for x in range(3)], x)
