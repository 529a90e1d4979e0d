# A grade book: best and worst students found with running maxima that start as None, lookups by dict.get.
scores = {"ann": [88, 92, 79], "bob": [65, 70, 58], "cy": [95, 91, 99], "dee": []}


def average(xs):
    if not xs:
        return None
    return sum(xs) / len(xs)


best_name = None
best_avg = None
for name in sorted(scores):
    avg = average(scores[name])
    if avg is not None:
        print(f"{name:<5} {avg:6.2f}")
        if best_avg is None or avg > best_avg:
            best_avg = avg
            best_name = name
    else:
        print(f"{name:<5} no scores")
print("best:", best_name, "%.1f" % best_avg if best_avg is not None else "n/a")
for who in ["ann", "zed"]:
    marks = scores.get(who)
    if marks is None:
        print(who, "not enrolled")
    else:
        print(who, "has", len(marks), "marks, top", max(marks))
