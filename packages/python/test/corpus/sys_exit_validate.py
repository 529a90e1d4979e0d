# Validates account records and exits with a message (status 1) on the first invalid one.
import sys

RECORDS = """alice,alice@example.com,34
bob,bob@example.org,27
carol,carol.example.com,41
dave,dave@example.net,19"""


def validate(line: str) -> str:
    name, email, age = line.split(",")
    if "@" not in email or "." not in email.split("@")[1]:
        return f"invalid email for {name}: {email}"
    if not age.isdigit() or not 0 < int(age) < 130:
        return f"invalid age for {name}: {age}"
    return ""


ok = 0
for number, line in enumerate(RECORDS.splitlines(), start=1):
    problem = validate(line)
    if problem:
        print(f"{ok} valid records before line {number}")
        sys.exit(f"line {number}: {problem}")
    ok += 1
    print("ok:", line.split(",")[0])
print("all valid")
