// bench-size: 2000000
// c-port: packages/python/bench/nbody_lists.c
// The benchmarks-game n-body: five bodies in an Array of structs, advanced N steps over all pairs;
// the energy before and after.
const PI: f64 = 3.141592653589793;
const SOLAR_MASS: f64 = 4.0 * PI * PI;
const DAYS_PER_YEAR: f64 = 365.24;

struct Body { x: f64, y: f64, z: f64, vx: f64, vy: f64, vz: f64, mass: f64 }

func body(x: f64, y: f64, z: f64, vx: f64, vy: f64, vz: f64, mass: f64) -> Body {
    return Body {
        x: x, y: y, z: z,
        vx: vx * DAYS_PER_YEAR, vy: vy * DAYS_PER_YEAR, vz: vz * DAYS_PER_YEAR,
        mass: mass * SOLAR_MASS,
    };
}

func solar_system() -> Array<Body> {
    let bodies: Array<Body> = Array::new();
    bodies.push(body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0));
    bodies.push(body(4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01,
        1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04));
    bodies.push(body(8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01,
        -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04));
    bodies.push(body(1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01,
        2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05));
    bodies.push(body(1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01,
        2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05));
    return bodies;
}

func advance(bodies: Array<Body>, dt: f64, steps: i64) {
    let n = bodies.len();
    for _ in 0..steps {
        for i in 0..n {
            let b1 = bodies[i];
            for j in (i + 1)..n {
                let b2 = bodies[j];
                let dx = b1.x - b2.x;
                let dy = b1.y - b2.y;
                let dz = b1.z - b2.z;
                let mag = dt * pow(dx * dx + dy * dy + dz * dz, -1.5);
                let b1m = b1.mass * mag;
                let b2m = b2.mass * mag;
                b1.vx -= dx * b2m;
                b1.vy -= dy * b2m;
                b1.vz -= dz * b2m;
                b2.vx += dx * b1m;
                b2.vy += dy * b1m;
                b2.vz += dz * b1m;
                bodies[j] = b2;
            }
            bodies[i] = b1;
        }
        for i in 0..n {
            let b = bodies[i];
            b.x += dt * b.vx;
            b.y += dt * b.vy;
            b.z += dt * b.vz;
            bodies[i] = b;
        }
    }
}

func energy(bodies: Array<Body>) -> f64 {
    let e = 0.0;
    let n = bodies.len();
    for i in 0..n {
        for j in (i + 1)..n {
            let b1 = bodies[i];
            let b2 = bodies[j];
            let dx = b1.x - b2.x;
            let dy = b1.y - b2.y;
            let dz = b1.z - b2.z;
            e -= (b1.mass * b2.mass) / pow(dx * dx + dy * dy + dz * dz, 0.5);
        }
    }
    for b in bodies {
        e += b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz) / 2.0;
    }
    return e;
}

func offset_momentum(bodies: Array<Body>) {
    let px = 0.0;
    let py = 0.0;
    let pz = 0.0;
    for b in bodies {
        px -= b.vx * b.mass;
        py -= b.vy * b.mass;
        pz -= b.vz * b.mass;
    }
    let sun = bodies[0];
    sun.vx = px / SOLAR_MASS;
    sun.vy = py / SOLAR_MASS;
    sun.vz = pz / SOLAR_MASS;
    bodies[0] = sun;
}

func main() {
    let steps = args()[1].parse_i64().unwrap();
    let bodies = solar_system();
    offset_momentum(bodies);
    println("{:.9}", energy(bodies));
    advance(bodies, 0.01, steps);
    println("{:.9}", energy(bodies));
}
