# bool is an int subtype: it takes part in arithmetic, yet prints as True/False.
t = True
f = False
print(t, f, not t, not f)
print(t + t, t - f, t * 5, t / 2, t // 1, -t, +f, ~t)
print(t == 1, f == 0, t == True, t != f)
print(t + 0.5, f * 2.5)
print(int(t), int(f), float(t), float(f))
print(bool(1), bool(0), bool(-3), bool(0.0), bool(-0.0), bool(0.1))
print(t & f, t | f, t ^ t, t & 1)
print(abs(t), abs(f), max(t, f), min(t, f))

# Counting with booleans.
evens = 0
for n in range(1, 21):
    evens += n % 2 == 0
print("evens:", evens)

passed = 0
for score in range(40, 101, 7):
    ok = score >= 60
    passed += ok
    print(score, ok)
print("passed:", passed, "failed:", 9 - passed)
print(True > False, True >= 1, False < 0.5)
