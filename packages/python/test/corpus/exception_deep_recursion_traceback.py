# A failure at the bottom of a recursion: the traceback repeats the recursive frame.
def countdown(n, divisor):
    if n == 0:
        return 100 // divisor
    print("descending", n)
    return countdown(n - 1, divisor - 1) + 1


print(countdown(3, 10))
print(countdown(4, 4))
