# Daily temperature log: hottest and coldest days tracked with running extremes that start as None.
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
temps = [14, 17, 21, 19, 23, 23, 12]
hottest = None
coldest = None
hot_day = ""
cold_day = ""
for day, t in zip(days, temps):
    if hottest is None or t > hottest:
        hottest = t
        hot_day = day
    if coldest is None or t < coldest:
        coldest = t
        cold_day = day
print("hottest", hot_day, hottest)
print("coldest", cold_day, coldest)
if hottest is not None and coldest is not None:
    print("range", hottest - coldest)
swings = [b - a for a, b in zip(temps, temps[1:])]
print(swings, max(swings), min(swings))
