# Reads "name,city" pairs from standard input with readlines and groups people by city.
# stdin: ann,paris bob,rome cy,paris dee,oslo eve,rome fay,paris
import sys
from collections import defaultdict

lines = sys.stdin.readlines()
print(len(lines), "lines")
by_city = defaultdict(list)
for line in lines:
    person, city = line.strip().split(",")
    by_city[city].append(person)
for city in sorted(by_city, key=lambda c: (-len(by_city[c]), c)):
    print("%-6s %d: %s" % (city, len(by_city[city]), ", ".join(by_city[city])))
biggest = max(by_city, key=lambda c: len(by_city[c]))
print("biggest:", biggest)
