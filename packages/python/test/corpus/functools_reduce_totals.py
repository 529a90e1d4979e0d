# functools.reduce over an order book: lambdas of two parameters, max and min, initial values.
import functools
from functools import reduce

orders = [("apple", 3, 0.5), ("pear", 2, 0.75), ("fig", 10, 0.2), ("kiwi", 4, 0.3)]
quantities = [q for _, q, _ in orders]
print(reduce(lambda a, b: a + b, quantities), reduce(lambda a, b: a * b, quantities, 1))
print(functools.reduce(max, quantities), reduce(min, quantities), reduce(max, ["pear", "fig", "apple"]))
revenue = reduce(lambda total, order: total + order[1] * order[2], orders, 0.0)
print(f"revenue {revenue:.2f}")
names = reduce(lambda acc, order: acc + [order[0].upper()], orders, [])
print(names, reduce(lambda a, b: a + ", " + b, [name for name, _, _ in orders]))
longest = reduce(lambda a, b: a if len(a) >= len(b) else b, [o[0] for o in orders])
print(longest, reduce(lambda acc, d: acc * 10 + d, [4, 0, 9, 6]))
print(reduce(lambda a, b: a * b, range(1, 26)))
print(reduce(lambda seen, x: seen | {x % 3}, quantities, set()))
print(reduce(lambda a, b: a + b, (q * q for q in quantities if q > 2)))
single: list[int] = [42]
nothing: list[int] = []
print(reduce(lambda a, b: a - b, single), reduce(lambda a, b: a - b, nothing, 7))
expensive = [q for _, q, price in orders if price > 5.0]
print(reduce(lambda a, b: a + b, expensive))
