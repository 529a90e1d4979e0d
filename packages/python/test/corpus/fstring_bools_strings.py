# f-string fields holding bools and strings: a bool with a format spec formats as an int.
ok = True
bad = False
label = "status"
print(f"{ok} {bad} [{label}]")
print(f"[{ok:>6}] [{bad:<6}] [{ok:d}] [{ok:05}] [{bad:+}] [{ok:.2f}]")
print(f"[{ok!s:>6}] [{label!s:^10}]")
print(f"{label + ':'} {ok and bad} {ok or bad} {not ok}")
print(f"{'nested'} {'quotes'!s} {3 > 2} {2 > 3}")
print(f"{{literal braces}} {label}{{}}")

for n in range(1, 6):
    even = n % 2 == 0
    print(f"n={n:<3}even={even!s:<6}|")
first = "Grace"
last = "Hopper"
print(f"{first} {last}")
print(f"{last:>12}, {first:<8}|")
print(f"{first + ' ' + last:*^20}")
