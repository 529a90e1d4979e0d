# Encoding a character ASCII does not have raises CPython's UnicodeEncodeError.
print("plain".encode("ascii"))
print("caf\u00e9".encode("ascii"))
