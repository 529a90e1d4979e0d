/* The benchmarks-game n-body, as nbody_lists.py: five bodies in an array of structs, advanced N
   steps over all pairs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define NBODIES 5

struct body {
  double x, y, z, vx, vy, vz, mass;
};

static struct body bodies[NBODIES] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
};

static void advance(double dt, long steps) {
  for (long s = 0; s < steps; s++) {
    for (int i = 0; i < NBODIES; i++) {
      struct body *b1 = &bodies[i];
      for (int j = i + 1; j < NBODIES; j++) {
        struct body *b2 = &bodies[j];
        double dx = b1->x - b2->x, dy = b1->y - b2->y, dz = b1->z - b2->z;
        /* pow(d2, -1.5) as Python's `** -1.5`, so that both round alike. */
        double mag = dt * pow(dx * dx + dy * dy + dz * dz, -1.5);
        double b1m = b1->mass * mag, b2m = b2->mass * mag;
        b1->vx -= dx * b2m;
        b1->vy -= dy * b2m;
        b1->vz -= dz * b2m;
        b2->vx += dx * b1m;
        b2->vy += dy * b1m;
        b2->vz += dz * b1m;
      }
    }
    for (int i = 0; i < NBODIES; i++) {
      struct body *b = &bodies[i];
      b->x += dt * b->vx;
      b->y += dt * b->vy;
      b->z += dt * b->vz;
    }
  }
}

static double energy(void) {
  double e = 0.0;
  for (int i = 0; i < NBODIES; i++)
    for (int j = i + 1; j < NBODIES; j++) {
      struct body *b1 = &bodies[i], *b2 = &bodies[j];
      double dx = b1->x - b2->x, dy = b1->y - b2->y, dz = b1->z - b2->z;
      e -= (b1->mass * b2->mass) / pow(dx * dx + dy * dy + dz * dz, 0.5);
    }
  for (int i = 0; i < NBODIES; i++) {
    struct body *b = &bodies[i];
    e += b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz) / 2.0;
  }
  return e;
}

static void offset_momentum(void) {
  double px = 0.0, py = 0.0, pz = 0.0;
  for (int i = 0; i < NBODIES; i++) {
    px -= bodies[i].vx * bodies[i].mass;
    py -= bodies[i].vy * bodies[i].mass;
    pz -= bodies[i].vz * bodies[i].mass;
  }
  bodies[0].vx = px / SOLAR_MASS;
  bodies[0].vy = py / SOLAR_MASS;
  bodies[0].vz = pz / SOLAR_MASS;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s N\n", argv[0]);
    return 2;
  }
  long steps = atol(argv[1]);
  offset_momentum();
  printf("%.9f\n", energy());
  advance(0.01, steps);
  printf("%.9f\n", energy());
  return 0;
}
