# Collatz sequences: longest chain and highest peak below a bound.
def chain_length(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def peak(n):
    highest = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        if n > highest:
            highest = n
    return highest


best_start = 1
best_length = 1
highest_peak = 1
peak_start = 1
for start in range(1, 30000):
    length = chain_length(start)
    if length > best_length:
        best_start = start
        best_length = length
    p = peak(start)
    if p > highest_peak:
        highest_peak = p
        peak_start = start
print("longest chain below 30000 starts at", best_start, "with", best_length, "terms")
print("highest peak", highest_peak, "reached from", peak_start)
for start in range(1, 11):
    print(f"{start:>3}: length {chain_length(start):>3}, peak {peak(start):>4}")
