# bench-size: 10000
# The benchmarks-game pidigits: the first N digits of pi by Gibbons' unbounded spigot, in lines of
# ten digits with their count, as big-integer arithmetic on numbers of thousands of digits. Instead
# of every line, it prints the first and last lines and a checksum of all of them.
import sys


def pidigits(count):
    i = k = digits = 0
    k1 = 1
    n, a, d = 1, 0, 1
    checksum = 0
    first = ""
    last = ""
    while i < count:
        k += 1
        t = n << 1
        n *= k
        a += t
        k1 += 2
        a *= k1
        d *= k1
        if a >= n:
            t, u = divmod(n * 3 + a, d)
            u += n
            if d > u:
                digits = digits * 10 + t
                i += 1
                if i % 10 == 0:
                    line = "%010d\t:%d" % (digits, i)
                    if first == "":
                        first = line
                    last = line
                    checksum = (checksum * 31 + digits) % 1000000007
                    digits = 0
                a -= d * t
                a *= 10
                n *= 10
    print(first)
    print(last)
    print("checksum:", checksum)


pidigits(int(sys.argv[1]))
