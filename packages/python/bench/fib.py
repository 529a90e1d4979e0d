# bench-size: 41
# Recursive Fibonacci: function-call overhead and int addition. N = argv[1] is fib's argument.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(int(sys.argv[1])))
