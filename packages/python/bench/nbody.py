# bench-size: 12000000
# Three gravitating bodies (Sun, Jupiter, Saturn) in scalar variables over N steps: a float-heavy
# inner loop.
import math
import sys

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def simulate(steps, dt):
    # Sun
    x0, y0, z0 = 0.0, 0.0, 0.0
    vx0, vy0, vz0 = 0.0, 0.0, 0.0
    m0 = SOLAR_MASS
    # Jupiter
    x1, y1, z1 = 4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01
    vx1 = 1.66007664274403694e-03 * DAYS_PER_YEAR
    vy1 = 7.69901118419740425e-03 * DAYS_PER_YEAR
    vz1 = -6.90460016972063023e-05 * DAYS_PER_YEAR
    m1 = 9.54791938424326609e-04 * SOLAR_MASS
    # Saturn
    x2, y2, z2 = 8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01
    vx2 = -2.76742510726862411e-03 * DAYS_PER_YEAR
    vy2 = 4.99852801234917238e-03 * DAYS_PER_YEAR
    vz2 = 2.30417297573763929e-05 * DAYS_PER_YEAR
    m2 = 2.85885980666130812e-04 * SOLAR_MASS
    # Move the Sun so that the total momentum is zero.
    vx0 = -(vx1 * m1 + vx2 * m2) / SOLAR_MASS
    vy0 = -(vy1 * m1 + vy2 * m2) / SOLAR_MASS
    vz0 = -(vz1 * m1 + vz2 * m2) / SOLAR_MASS
    for step in range(steps + 1):
        dx01, dy01, dz01 = x0 - x1, y0 - y1, z0 - z1
        dx02, dy02, dz02 = x0 - x2, y0 - y2, z0 - z2
        dx12, dy12, dz12 = x1 - x2, y1 - y2, z1 - z2
        d01 = math.sqrt(dx01 * dx01 + dy01 * dy01 + dz01 * dz01)
        d02 = math.sqrt(dx02 * dx02 + dy02 * dy02 + dz02 * dz02)
        d12 = math.sqrt(dx12 * dx12 + dy12 * dy12 + dz12 * dz12)
        if step == 0 or step == steps:
            kinetic = 0.5 * (m0 * (vx0 * vx0 + vy0 * vy0 + vz0 * vz0) + m1 * (vx1 * vx1 + vy1 * vy1 + vz1 * vz1))
            kinetic += 0.5 * m2 * (vx2 * vx2 + vy2 * vy2 + vz2 * vz2)
            potential = m0 * m1 / d01 + m0 * m2 / d02 + m1 * m2 / d12
            print(f"{kinetic - potential:.9f}")
            if step == steps:
                break
        mag01 = dt / (d01 * d01 * d01)
        mag02 = dt / (d02 * d02 * d02)
        mag12 = dt / (d12 * d12 * d12)
        vx0 -= dx01 * m1 * mag01 + dx02 * m2 * mag02
        vy0 -= dy01 * m1 * mag01 + dy02 * m2 * mag02
        vz0 -= dz01 * m1 * mag01 + dz02 * m2 * mag02
        vx1 += dx01 * m0 * mag01 - dx12 * m2 * mag12
        vy1 += dy01 * m0 * mag01 - dy12 * m2 * mag12
        vz1 += dz01 * m0 * mag01 - dz12 * m2 * mag12
        vx2 += dx02 * m0 * mag02 + dx12 * m1 * mag12
        vy2 += dy02 * m0 * mag02 + dy12 * m1 * mag12
        vz2 += dz02 * m0 * mag02 + dz12 * m1 * mag12
        x0, y0, z0 = x0 + dt * vx0, y0 + dt * vy0, z0 + dt * vz0
        x1, y1, z1 = x1 + dt * vx1, y1 + dt * vy1, z1 + dt * vz1
        x2, y2, z2 = x2 + dt * vx2, y2 + dt * vy2, z2 + dt * vz2
    print(f"{x1:.9f} {y1:.9f} {z1:.9f}")


simulate(int(sys.argv[1]), 0.01)
