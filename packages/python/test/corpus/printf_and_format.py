# printf-style % formatting and str.format: positional, numbered, keyword fields and format specs.
name, n, ratio = "widgets", 42, 0.125
print("%s: %d items (%.1f%%)" % (name, n, ratio * 100))
print("%5d|%-6s|%x" % (n, "ab", 255), "%r" % "q'")
print("{} has {} items".format(name, n), "{0}{1}{0}".format("a", "b"))
print("{:>8.3f}|{:<5}|{:^7}".format(3.14159, "x", "mid"))
print("{name} = {value}".format(name="pi", value="3.14"))
rows = [("ann", 31), ("bob", 7)]
for who, age in rows:
    print("%-5s %3d" % (who, age))
print("total: %d" % sum(a for _, a in rows))
