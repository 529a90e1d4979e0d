# expect: did you mean 'counter'
# at: 8:12
# A misspelled global inside a function body is caught before the program runs.
counter = 41


def next_value():
    return conter + 1


print(next_value())
