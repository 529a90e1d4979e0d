# Comparisons between ints and floats are exact in Python, even beyond 2**53.
big = 9007199254740993  # 2**53 + 1: not representable as a float
as_float = 9007199254740992.0
print(big == as_float, big > as_float, big >= as_float, big < as_float, big != as_float)
print(9007199254740992 == as_float, 9007199254740992 <= as_float)
print(9223372036854775807 == 9223372036854775808.0, 9223372036854775807 < 9223372036854775808.0)
print(-9223372036854775807 - 1 == -9223372036854775808.0)
print(1 == 1.0, 0 == -0.0, 2 < 2.5, 3 > 2.999999999999)
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 0.5 + 0.25 == 0.75)

nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, 1 == nan)
print(inf == inf, inf > 9223372036854775807, -inf < -9223372036854775807, inf - inf == 0)
print(1e308 < inf, 1e308 * 10 == inf)


def close_enough(a, b, tolerance):
    return abs(a - b) <= tolerance


print(close_enough(0.1 + 0.2, 0.3, 1e-9), close_enough(1, 1.5, 0.25))
