# Classifying characters with the string module's constants, imported both ways.
import string
from string import ascii_lowercase, digits, punctuation


def classify(text):
    counts = {"lower": 0, "upper": 0, "digit": 0, "punct": 0, "space": 0, "other": 0}
    for ch in text:
        if ch in ascii_lowercase:
            counts["lower"] += 1
        elif ch in string.ascii_uppercase:
            counts["upper"] += 1
        elif ch in digits:
            counts["digit"] += 1
        elif ch in punctuation:
            counts["punct"] += 1
        elif ch in string.whitespace:
            counts["space"] += 1
        else:
            counts["other"] += 1
    return counts


def strong(password):
    kinds = [string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation]
    return len(password) >= 8 and all(any(c in kind for c in password) for kind in kinds)


for sample in ["Hello, World! 2024", "tab\there\nnewline", "naïve café", ""]:
    print(repr(sample), classify(sample))
for password in ["abc", "Secr3t!pass", "NoDigits!!", "lower1234$X"]:
    print(password, strong(password))
print(string.hexdigits, string.octdigits, len(string.printable))
print(repr(string.whitespace), string.ascii_letters[20:30])
print("".join(c for c in "a1-b2_c3" if c in string.ascii_letters + string.digits))
print(string.printable.index("~"), string.punctuation.count("\\"))
