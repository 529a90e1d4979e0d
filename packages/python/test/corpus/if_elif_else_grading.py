# if/elif/else chains, nested conditions and conditions with side-effect-free expressions.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"


def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    else:
        if n % 2 == 0:
            if n > 100:
                kind = "large even"
            else:
                kind = "small even"
        else:
            kind = "odd"
    return kind


for score in range(45, 101, 11):
    print(score, grade(score))
for n in range(-1, 130, 25):
    print(n, classify(n))

temperature = 23.5
if temperature > 30:
    print("hot")
elif temperature > 20:
    print("warm")
if temperature < 0:
    print("freezing")
print("done")
