# sys.exit with a string prints it to stderr and exits with status 1.
import sys


def parse_level(text):
    value = int(text)
    if value > 10:
        sys.exit("error: level " + text + " is above the maximum of 10")
    return value


print(parse_level("3"))
print(parse_level("10"))
print(parse_level("11"))
