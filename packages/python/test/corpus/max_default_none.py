# min and max, or None for an empty list, over possibly empty filtered sequences, narrowed before use.
readings = {"kitchen": [21, 22, 20], "garage": [], "attic": [28, 31, 30, 29], "cellar": [12]}
for room in sorted(readings):
    values = readings[room]
    hi = max(values) if values else None
    lo = min(values) if values else None
    if hi is None or lo is None:
        print(f"{room:<8} no data")
    else:
        print(f"{room:<8} {lo:>3} {hi:>3} spread {hi - lo}")
warm = [r for r in readings if max(readings[r], default=0) > 25]
print("warm:", warm)
