/* Port of nbody.py: three gravitating bodies in scalar variables over N steps. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

static void simulate(int64_t steps, double dt) {
  double x0 = 0.0, y0 = 0.0, z0 = 0.0;
  double vx0, vy0, vz0;
  double m0 = SOLAR_MASS;
  double x1 = 4.84143144246472090e00, y1 = -1.16032004402742839e00, z1 = -1.03622044471123109e-01;
  double vx1 = 1.66007664274403694e-03 * DAYS_PER_YEAR;
  double vy1 = 7.69901118419740425e-03 * DAYS_PER_YEAR;
  double vz1 = -6.90460016972063023e-05 * DAYS_PER_YEAR;
  double m1 = 9.54791938424326609e-04 * SOLAR_MASS;
  double x2 = 8.34336671824457987e00, y2 = 4.12479856412430479e00, z2 = -4.03523417114321381e-01;
  double vx2 = -2.76742510726862411e-03 * DAYS_PER_YEAR;
  double vy2 = 4.99852801234917238e-03 * DAYS_PER_YEAR;
  double vz2 = 2.30417297573763929e-05 * DAYS_PER_YEAR;
  double m2 = 2.85885980666130812e-04 * SOLAR_MASS;
  vx0 = -(vx1 * m1 + vx2 * m2) / SOLAR_MASS;
  vy0 = -(vy1 * m1 + vy2 * m2) / SOLAR_MASS;
  vz0 = -(vz1 * m1 + vz2 * m2) / SOLAR_MASS;
  for (int64_t step = 0; step < steps + 1; step++) {
    double dx01 = x0 - x1, dy01 = y0 - y1, dz01 = z0 - z1;
    double dx02 = x0 - x2, dy02 = y0 - y2, dz02 = z0 - z2;
    double dx12 = x1 - x2, dy12 = y1 - y2, dz12 = z1 - z2;
    double d01 = sqrt(dx01 * dx01 + dy01 * dy01 + dz01 * dz01);
    double d02 = sqrt(dx02 * dx02 + dy02 * dy02 + dz02 * dz02);
    double d12 = sqrt(dx12 * dx12 + dy12 * dy12 + dz12 * dz12);
    if (step == 0 || step == steps) {
      double kinetic = 0.5 * (m0 * (vx0 * vx0 + vy0 * vy0 + vz0 * vz0) + m1 * (vx1 * vx1 + vy1 * vy1 + vz1 * vz1));
      kinetic += 0.5 * m2 * (vx2 * vx2 + vy2 * vy2 + vz2 * vz2);
      double potential = m0 * m1 / d01 + m0 * m2 / d02 + m1 * m2 / d12;
      printf("%.9f\n", kinetic - potential);
      if (step == steps) break;
    }
    double mag01 = dt / (d01 * d01 * d01);
    double mag02 = dt / (d02 * d02 * d02);
    double mag12 = dt / (d12 * d12 * d12);
    vx0 -= dx01 * m1 * mag01 + dx02 * m2 * mag02;
    vy0 -= dy01 * m1 * mag01 + dy02 * m2 * mag02;
    vz0 -= dz01 * m1 * mag01 + dz02 * m2 * mag02;
    vx1 += dx01 * m0 * mag01 - dx12 * m2 * mag12;
    vy1 += dy01 * m0 * mag01 - dy12 * m2 * mag12;
    vz1 += dz01 * m0 * mag01 - dz12 * m2 * mag12;
    vx2 += dx02 * m0 * mag02 + dx12 * m1 * mag12;
    vy2 += dy02 * m0 * mag02 + dy12 * m1 * mag12;
    vz2 += dz02 * m0 * mag02 + dz12 * m1 * mag12;
    x0 = x0 + dt * vx0; y0 = y0 + dt * vy0; z0 = z0 + dt * vz0;
    x1 = x1 + dt * vx1; y1 = y1 + dt * vy1; z1 = z1 + dt * vz1;
    x2 = x2 + dt * vx2; y2 = y2 + dt * vy2; z2 = z2 + dt * vz2;
  }
  printf("%.9f %.9f %.9f\n", x1, y1, z1);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  int64_t n = strtoll(argv[1], NULL, 10);
  simulate(n, 0.01);
  return 0;
}
