# An ASCII-art Mandelbrot set, one character per point, rows built by concatenation.
def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for i in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def shade(n, limit):
    if n == limit:
        return "#"
    if n > 12:
        return "+"
    if n > 6:
        return "-"
    if n > 3:
        return "."
    return " "


limit = 60
inside = 0
for row in range(21):
    ci = -1.2 + row * 0.12
    line = ""
    for col in range(64):
        cr = -2.1 + col * 0.045
        n = escape_time(cr, ci, limit)
        if n == limit:
            inside += 1
        line += shade(n, limit)
    print(line)
print("points inside:", inside)
