# expect: unsupported: try
# at: 8:1
# Exception handling is outside the subset (uncaught exceptions are supported).
def parse(text):
    return int(text)


try:
    print(parse("12"))
except ValueError:
    print("bad number")
