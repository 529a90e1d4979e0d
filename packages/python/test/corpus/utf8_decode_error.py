# Strict UTF-8 decoding of a truncated sequence raises CPython's UnicodeDecodeError.
print(b"ok \xe2\x82\xac".decode())
print(b"cut \xe2\x82".decode("utf-8"))
