# String methods on realistic text: title case, centring, stripping, counting, replacing and testing.
title = "  the hitchhiker's guide to the galaxy  "
t = title.strip()
print(repr(t.title()), repr(t.capitalize()), t.upper())
print(t.count("the"), t.find("guide"), t.find("zzz"), t.rfind("t"))
print(t.replace("the ", "").split(" "))
print(t.startswith("the"), t.endswith("galaxy"), "42".isdigit(), "abc".isalpha(), "  ".isspace())
print("[" + t[:9].center(15, ".") + "]", "[" + "x".ljust(4, "-") + "]", "[" + "y".rjust(4) + "]")
print("a,b,,c".split(","), "a b  c".split(), "k=v=w".split("=", 1))
print("-".join(["2024", "01", "05"]), "7".zfill(3), "Hello".swapcase())
print("line1\nline2\r\nline3".splitlines(), "xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("spam".index("a"), "ABC".lower() == "abc", "tEsT".casefold() if False else "tEsT".lower())
