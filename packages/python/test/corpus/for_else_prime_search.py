# for ... else with break: searching without flags.
for n in range(2, 40):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

target = 77
for a in range(2, 20):
    if target % a == 0:
        print("found factor", a, "of", target)
        break
else:
    print("no factor below 20")

target = 101
for a in range(2, 10):
    if target % a == 0:
        print("found factor", a, "of", target)
        break
else:
    print("no factor of", target, "below 10")

for i in range(0):
    print("never")
else:
    print("empty range still runs else")

found_at = -1
for i in range(100, 0, -7):
    if i % 11 == 0:
        found_at = i
        break
else:
    found_at = 0
print("first multiple of 11 counting down by 7 from 100:", found_at)
