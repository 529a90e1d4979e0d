# divmod by zero raises ZeroDivisionError as well.
def split(amount, parts):
    q, r = divmod(amount, parts)
    print(f"{amount} into {parts}: {q} each, {r} left")


split(100, 7)
split(-100, 7)
split(100, -7)
split(5, 0)
