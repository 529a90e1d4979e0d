# String literals: escapes, unicode, implicit and explicit concatenation.
greeting = "Hello" + ", " + "world" + "!"
print(greeting)
print("tab:\tend", "quote:\"", 'single\'s', "backslash:\\")
print("line one\nline two")
print("unicode: h\u00e9llo \u2713 \N{GREEK SMALL LETTER ALPHA} ñ 日本")
print("adjacent " "literals " 'are joined')
print("""triple
quoted""")
print(r"raw \n stays")
print("")
print("x" + "" + "y")

banner = ""
for i in range(5):
    banner += "=-"
banner += "="
print(banner)

name = "Ada"
title = "Countess"
full = title + " " + name
print(full)
print("[" + full + "]")


def wrap(s, left, right):
    return left + s + right


print(wrap("core", "<<", ">>"), wrap(wrap("x", "(", ")"), "[", "]"))
line = ""
for n in range(1, 6):
    line = line + "*"
    print(line)
