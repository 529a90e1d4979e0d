# A ledger: itertools.chain joins sources, accumulate gives running balances.
from itertools import accumulate, chain

deposits = [120, 80, 45]
withdrawals = (-60, -30)
fees = [-2 for _ in range(3)]
movements = list(chain(deposits, withdrawals, fees))
print(movements)
print(list(accumulate(movements)), list(accumulate(movements, initial=500)))
print(list(accumulate(movements, max)), list(accumulate(movements, func=min, initial=0)))
print(list(accumulate([1.5, 2.25, -0.75])), list(accumulate(["a", "b", "c"])))
print(list(accumulate([[1], [2, 3], []])), list(accumulate(range(1, 6), lambda a, b: a * b)))
empty: list[int] = []
print(list(accumulate(empty)), list(accumulate(empty, initial=9)), list(chain()))
for ch in chain("ab", ["c"], {"d": 1}):
    print(ch, end="")
print()
lowest = min(accumulate(chain(deposits, withdrawals)))
print("lowest balance", lowest, sum(chain(range(3), [10])))
for total in accumulate(chain([5, 5], [5])):
    if total > 12:
        break
else:
    print("never above 12")
statement = list(chain(["opening"], [f"move {m}" for m in movements[:2]]))
print(statement)
print(statement[len(movements)])
