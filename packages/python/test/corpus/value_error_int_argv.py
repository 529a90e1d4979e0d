# argv: 10 12x
# int() of a malformed command-line argument raises ValueError with CPython's message.
import sys


def argument_as_int(position):
    return int(sys.argv[position])


first = argument_as_int(1)
print("first:", first, first * 2)
second = argument_as_int(2)
print("second:", second)
