# round() of nan cannot produce an int.
def safe_mean(total, count):
    return total / count if count > 0 else float("nan")


for count in range(3, -1, -1):
    mean = safe_mean(10.0, count)
    print(count, mean, round(mean, 2))
nan = float("nan")
print(round(2.5), round(nan, 2), nan)
print(round(safe_mean(10.0, 0)))
