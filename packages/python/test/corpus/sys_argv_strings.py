# argv: Ada Lovelace 1815 mathematician
# String arguments from the command line, concatenated and formatted.
import sys

first = sys.argv[1]
last = sys.argv[2]
born = int(sys.argv[3])
role = sys.argv[4]
full = first + " " + last
print("Hello, " + full + "!")
print(f"{full:>20}|{role:^16}|{born:<6}|")
print(f"{last}, {first} ({born}-{born + 36})")
print(sys.argv[1] + sys.argv[2])
age_at_2000 = 2000 - born
print(f"{first} would have been {age_at_2000:,} in 2000")
