# expect: 'describe' is annotated to return int but returns str
# at: 5:12
# Annotations are checked when present: this function returns a str, not an int.
def describe(n: int) -> int:
    return "n=" + "?"


print(describe(3))
