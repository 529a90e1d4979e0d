# f-string thousands separators (",", "_") and sign options ("+", "-", " ").
big = 1234567890
neg = -9876543
x = 1234567.891
print(f"{big:,} {neg:,} {0:,} {999:,} {1000:,} {-1000:,}")
print(f"{big:_} {neg:_} {x:,} {x:_}")
print(f"{x:,.2f} {x:_.1f} {-x:,.3f} {0.5:,.2f}")
print(f"{big:15,} {big:<15,} {big:^15,} {big:015,}")
print(f"{42:+} {-42:+} {42:-} {-42:-} {42: } {-42: }")
print(f"{3.5:+} {-3.5:+} {3.5: .2f} {-3.5: .2f} {0.0:+.1f} {-0.0:+.1f}")
print(f"[{42:+8}] [{42:<+8}] [{42:=+8}] [{-42:=+08,}] [{1234:+,}]")
print(f"{9223372036854775807:,} {-9223372036854775807:,}")

# A budget report with signs and grouping.
balance = 25000
changes = 0
for month in range(1, 7):
    delta = (month * 7919) % 12000 - 6000
    balance += delta
    changes += 1
    print(f"month {month:>2}: {delta:>+9,} -> {balance:>10,}")
print(f"final {balance:+,} after {changes} changes; average {balance / changes:,.2f}")
