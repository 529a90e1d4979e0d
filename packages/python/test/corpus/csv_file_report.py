# Writes a CSV of sales to a file, reads it back, and totals by region and by month.
from collections import defaultdict

path = "csv_file_report.csv"
sales = [("north", "jan", 120), ("south", "jan", 80), ("north", "feb", 95),
         ("east", "jan", 60), ("south", "feb", 130), ("east", "feb", 45), ("north", "mar", 150)]
with open(path, "w") as f:
    f.write("region,month,amount\n")
    for region, month, amount in sales:
        f.write(f"{region},{month},{amount}\n")
by_region = defaultdict(int)
by_month = defaultdict(int)
with open(path) as f:
    header = f.readline().strip().split(",")
    for line in f:
        cols = line.strip().split(",")
        by_region[cols[0]] += int(cols[2])
        by_month[cols[1]] += int(cols[2])
print(header)
for region, total in sorted(by_region.items(), key=lambda kv: -kv[1]):
    print(f"{region:<6}{total:>5}")
print({m: by_month[m] for m in ["jan", "feb", "mar"]})
