# Counters for shopping lists: combining two recipes, subtracting what is in the pantry, and totals.
from collections import Counter

recipe_a = Counter("egg egg egg flour flour milk".split())
recipe_b = Counter("egg egg sugar butter".split())
pantry = Counter("egg egg egg egg flour flour flour flour flour butter".split())
need = Counter()
for recipe in [recipe_a, recipe_b]:
    for item, n in recipe.items():
        need[item] += n
print(sorted(need.items()))
shopping = Counter()
for item, n in need.items():
    if n > pantry[item]:
        shopping[item] = n - pantry[item]
print(sorted(shopping.items()))
print(sum(need.values()), len(shopping), shopping["egg"], shopping["flour"])
for extra in ["milk", "milk", "sugar"]:
    pantry[extra] += 1
print(sorted(pantry.items()))
print(sorted(k for k in pantry if pantry[k] > 1), pantry.most_common(2))
