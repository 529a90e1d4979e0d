# True division of ints by zero: "division by zero".
def success_rate(hits, attempts):
    return hits / attempts


hits = 12
attempts = 0
for i in range(3):
    attempts += 4
    print("attempt block", i, "rate", success_rate(hits, attempts))
attempts = 0
rate = success_rate(hits, attempts)
print("rate", rate)
