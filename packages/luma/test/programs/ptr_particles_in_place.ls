// Particles in an alloc'd array of structs updated in place: fields stored through p[i].x and
// through (@q).x of an element's address &p[i], whole elements written with @q = ..., and a
// bounce off the walls; sizeof of the struct sizes the buffer.
struct Particle { x: f64, y: f64, vx: f64, vy: f64, bounces: i32 }

func step(q: ptr<Particle>, dt: f64) {
    (@q).x += (@q).vx * dt;
    (@q).y += (@q).vy * dt;
    if ((@q).x < 0.0 || (@q).x > 10.0) {
        (@q).vx = -(@q).vx;
        (@q).bounces += 1;
    }
    if ((@q).y < 0.0) {
        (@q).y = -(@q).y;
        (@q).vy = -(@q).vy * 0.5;
        (@q).bounces += 1;
    }
}

func energy(ps: ptr<Particle>, n: i64) -> f64 {
    let e = 0.0;
    for i in 0..n { e += 0.5 * (ps[i].vx * ps[i].vx + ps[i].vy * ps[i].vy); }
    return e;
}

func main() {
    let n = 4;
    println("{} particles of {} bytes", n, sizeof(Particle));
    let ps = alloc(Particle, n);
    for i in 0..n {
        ps[i].x = 2.0 * (i as f64) + 1.0;
        ps[i].y = 5.0;
        ps[i].vx = (i as f64) - 1.5;
        ps[i].vy = 0.0;
    }
    @(&ps[3]) = Particle { x: 9.5, y: 1.0, vx: 4.0, vy: 2.0, bounces: 0 };
    println("energy before {:.4}", energy(ps, n));
    for t in 0..40 {
        for i in 0..n {
            ps[i].vy -= 0.98;
            step(&ps[i], 0.125);
        }
        if (t % 10 == 9) {
            let line = format("t={:>2}", t + 1);
            for i in 0..n { line = line + format(" ({:.2},{:.2})", ps[i].x, ps[i].y); }
            println("{}", line);
        }
    }
    let total: i32 = 0;
    for i in 0..n { total += ps[i].bounces; }
    println("bounces {} {} {} {} total {}", ps[0].bounces, ps[1].bounces, ps[2].bounces, ps[3].bounces, total);
    println("energy after {:.4}", energy(ps, n));
    free(ps);
}
