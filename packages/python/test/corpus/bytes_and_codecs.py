# bytes: literals, bytes() of ints and of text, indexing and iteration as ints, slicing, search,
# concatenation, ordering, hashing and repr; str.encode and bytes.decode in UTF-8, ASCII and Latin-1.
s = "héllo wörld €"
b = s.encode()
print(b, len(b), len(s))
print(b.decode())
print(b.decode("utf-8") == s, s.encode("utf-8") == b)
print(bytes([104, 105, 0, 255]), bytes(3), bytes(), bytes("abc", "ascii"))
raw = b"GET /index.html HTTP/1.1\r\nHost: x\r\n"
print(raw)
print(raw[0], raw[-1], raw[:3], raw[4:15:2], len(raw))
print(list(raw[:5]), sum(raw[:5]), 71 in raw, b"Host" in raw, b"nope" in raw)
for byte in b"AZ":
    print(byte, chr(byte))
print(b"ab" + b"cd", b"ab" * 3, b"x" < b"y", b"abc" == b"abc", b"a" != b"b")
print(hash(b"abc") == hash("abc"), b"\x00\x7f\x80'\"\\".hex())
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""))
print("ñ".encode("latin-1"), b"\xf1".decode("latin-1"), "abc".encode("ascii"))
print(b"\xff\xfeabc".decode("utf-8", "replace"), b"\xff\xfeabc".decode("utf-8", "ignore"))
print("a€b".encode("ascii", "replace"), "a€b".encode("ascii", "ignore"))
print(sorted([b"b", b"a", b"c"]), {b"k": 1}[b"k"], set([b"x", b"x"]))
print(bool(b""), bool(b"x"), isinstance(b, bytes), isinstance(s, bytes))
print(b"done")
data = [b"one", b"two"]
print(data, b", ".join(data), len(data))
