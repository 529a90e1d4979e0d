# A linear congruential generator (masked to 32 bits) driving a Monte Carlo estimate of pi.
seed = 12345


def next_random():
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed


def uniform():
    return next_random() / 2147483648.0


inside = 0
samples = 200000
for i in range(samples):
    x = uniform()
    y = uniform()
    if x * x + y * y <= 1.0:
        inside += 1
estimate = 4 * inside / samples
print("inside:", inside, "estimate:", estimate)

# Dice histogram without lists: six counters.
c1 = 0
c2 = 0
c3 = 0
c4 = 0
c5 = 0
c6 = 0
for i in range(60000):
    roll = next_random() % 6 + 1
    if roll == 1:
        c1 += 1
    elif roll == 2:
        c2 += 1
    elif roll == 3:
        c3 += 1
    elif roll == 4:
        c4 += 1
    elif roll == 5:
        c5 += 1
    else:
        c6 += 1
print(c1, c2, c3, c4, c5, c6, c1 + c2 + c3 + c4 + c5 + c6)
print("final seed", seed)
