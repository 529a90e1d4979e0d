// A xorshift64* random generator in u64 (its multiply wraps in a release build) rolling two dice
// 60000 times: a histogram of the sums drawn with bars, and a Monte Carlo estimate of pi.
// opt-level: 2
struct Rng { state: u64 }

func next(r: rc<Rng>) -> u64 {
    let x = r.state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r.state = x;
    return x * 2685821657736338717;
}

func roll(r: rc<Rng>) -> i64 { return (next(r) % 6) as i64 + 1; }

func main() {
    let rng = rc::new(Rng { state: 88172645463325252 });
    let first = next(rng);
    println("first draw {}", first);
    let counts: Array<i64> = Array::new();
    for _ in 0..13 { counts.push(0); }
    let rolls = 60000;
    for _ in 0..rolls { counts[roll(rng) + roll(rng)] += 1; }
    for s in 2..13 {
        let bar = "";
        for _ in 0..(counts[s] / 500) { bar = bar + "#"; }
        println("{:>2} {:>6} {:>6.3} {}", s, counts[s], (counts[s] as f64) / (rolls as f64) * 36.0, bar);
    }
    let inside = 0;
    let n = 200000;
    for _ in 0..n {
        let x = ((next(rng) >> 11) as f64) / 9007199254740992.0;
        let y = ((next(rng) >> 11) as f64) / 9007199254740992.0;
        if (x * x + y * y < 1.0) { inside += 1; }
    }
    println("pi ~ {:.4}", 4.0 * (inside as f64) / (n as f64));
}
