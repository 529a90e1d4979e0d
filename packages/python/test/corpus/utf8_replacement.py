# Malformed UTF-8 decoded with errors="replace" and "ignore": each maximal bad piece is one U+FFFD,
# as CPython's decoder makes it.
samples = [
    b"plain",
    b"\xc3\xa9t\xc3\xa9",
    b"\xff",
    b"a\x80b",
    b"\xc3(",
    b"\xe2\x82",
    b"\xe2\x82\xac\xe2\x82",
    b"\xed\xa0\x80",
    b"\xf0\x9f\x98\x80 ok",
    b"\xf0\x9f\x98",
    b"\xf4\x90\x80\x80",
    b"\xc0\xaf",
    b"\xe0\x80\x80",
]
for data in samples:
    replaced = data.decode("utf-8", errors="replace")
    ignored = data.decode("utf-8", "ignore")
    print(data, repr(replaced), len(replaced), repr(ignored), replaced.encode("utf-8"))
print(b"caf\xe9".decode("latin-1"), b"caf\xe9".decode("ascii", "replace"))
print("snowman \u2603".encode("ascii", "replace"), "naïve".encode("latin-1"), "naïve".encode("UTF_8"))
