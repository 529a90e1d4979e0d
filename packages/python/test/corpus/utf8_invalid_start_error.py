# An invalid start byte in strict decoding raises CPython's UnicodeDecodeError at its position.
text = b"abc\xffdef"
print(len(text), text[3])
print(text.decode())
