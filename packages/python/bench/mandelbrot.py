# bench-size: 1500
# Mandelbrot set escape times on an N x N grid: float multiply-add in a tight loop, printed as
# checksums (points inside, total iterations).
import sys


def mandelbrot(size, limit):
    inside = 0
    total_iterations = 0
    for row in range(size):
        ci = 2.0 * row / size - 1.0
        for col in range(size):
            cr = 2.5 * col / size - 2.0
            zr = 0.0
            zi = 0.0
            i = 0
            while i < limit:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            if i == limit:
                inside += 1
            total_iterations += i
    print("inside:", inside)
    print("iterations:", total_iterations)


mandelbrot(int(sys.argv[1]), 200)
