# dict_literal: now compiled.
ages = {"ada": 36, "alan": 41}
print(ages["ada"])
