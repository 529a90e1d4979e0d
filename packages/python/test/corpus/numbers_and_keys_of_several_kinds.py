# Numbers of both kinds and values of several classes in lists, dict keys and sets: sums, sorting,
# lookups where 1, 1.0 and True are one key, comprehensions of int | float results, concatenation.
nums = [1, 2.5, 3, 0.5]
print(sum(nums), max(nums), min(nums), sorted(nums), [n * 2 for n in nums], nums.index(3))
keys = {1: "int", 2.5: "float", "s": "str"}
print(keys[1.0], 1.0 in keys, keys.get(True), len(keys))
keys[1.0] = "float one"
print(keys)
s = {1, 1.0, True, "1"}
print(len(s), sorted(str(x) for x in s))
mixed = [1, "a"]
print(mixed * 2, mixed + [None], mixed[::-1], mixed == [1, "a"], mixed < [1, "b"])
print(-nums[1], abs(-3), round(2.675, 2), nums[0] // 2, nums[1] ** 2)
t = (1, "a", 2.5)
a, b, c = t
print(a + 1, b * 2, c / 2)
