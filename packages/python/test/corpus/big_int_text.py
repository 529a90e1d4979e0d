# Big ints to and from text: str, repr, int() with bases, format specs, hex, bin and oct.
n = 3**200
print(n)
print(repr(-n))
print(int(str(n)) == n, int("-" + str(n)) == -n)
print(int("1" * 60), int("0x" + "f" * 30, 16), int("z" * 20, 36), int("-0b" + "1" * 70, 0))
print(hex(2**100), bin(2**70 + 1), oct(-(8**30)))
print(f"{2**80:,}", f"{2**80:_}", f"{-(2**70):+}", f"{2**64:x}", f"{2**64:#X}", f"{10**20:>30}")
print(f"{2**100:e}", f"{-(10**30):.3e}", f"{7**40:_x}", format(2**65, "o"))
print("%d %i %x %o" % (2**70, -(3**50), 2**65, 8**25))
print("{:d} {:>40} {:<5}|".format(5**60, 2**90, 2**64))
print(str(10**50).count("0"), len(str(2**1000)))
