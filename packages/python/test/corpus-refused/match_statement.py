# expect: unsupported: match
# at: 5:1
# Structural pattern matching is outside the subset.
command = 2
match command:
    case 1:
        print("one")
    case _:
        print("other")
