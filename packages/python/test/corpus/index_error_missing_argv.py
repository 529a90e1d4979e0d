# argv: only-one
# Reading a command-line argument that was not given raises IndexError.
import sys


def argument(position):
    return sys.argv[position]


print("first:", argument(1))
print("first again:", sys.argv[1])
print("second:", argument(2))
