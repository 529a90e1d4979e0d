# expect: unsupported: dict
# at: 4:8
# Dicts are outside the subset.
ages = {"ada": 36, "alan": 41}
print(ages["ada"])
