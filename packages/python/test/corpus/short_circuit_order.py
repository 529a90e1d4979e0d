# and/or stop as soon as the result is known and return one of their operands.
def t(label):
    print("  t", label)
    return True


def f(label):
    print("  f", label)
    return False


def num(label, value):
    print("  num", label)
    return value


print("and:", t("1") and t("2") and f("3") and t("4"))
print("or:", f("1") or f("2") or t("3") or t("4"))
print("mixed:", f("1") and t("2") or t("3") and f("4"))
print("not:", not (t("1") and f("2")), not f("3") or t("4"))
print("values:", num("a", 0) or num("b", 7), num("c", 3) and num("d", 0))
print("values:", num("a", 0.0) or num("b", 2.5), num("c", 4) and num("d", 5))
print(0 or 0, 1 and 2, 0 and 1, 5 or 6, "" or "fallback", "first" or "second")

n = 0
if n != 0 and 10 // n > 1:
    print("unreachable")
else:
    print("guarded division skipped")
n = 4
if n != 0 and 10 // n > 1:
    print("10 //", n, "=", 10 // n)

limit = 3
count = 0
while count < 10 and (count < limit or f("extra")):
    count += 1
print("count", count)
