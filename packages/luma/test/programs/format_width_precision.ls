// Format specs: {:>W} and {:<W} on strings, integers, floats and bools, the default alignment of
// {:W} (numbers right, text left), {:.N} rounding, {:W.N} together, widths counted in characters,
// values wider than their column, and {{ }} braces.
struct Planet { name: string, au: f64, moons: i64, rings: bool }

func main() {
    let planets = [
        Planet { name: "Mercury", au: 0.387, moons: 0, rings: false },
        Planet { name: "Earth", au: 1.0, moons: 1, rings: false },
        Planet { name: "Jupiter", au: 5.2026, moons: 95, rings: true },
        Planet { name: "Neptune", au: 30.0699, moons: 16, rings: true },
        Planet { name: "Makemake", au: 45.4306, moons: 1, rings: false },
    ];
    println("|{:<9}|{:>8}|{:>6}|{:<6}|", "name", "au", "moons", "rings");
    for p in planets {
        println("|{:<9}|{:8.3}|{:>6}|{:<6}|", p.name, p.au, p.moons, p.rings);
    }
    println("|{:9}|{:8}|{:6}|{:6}|", "default", 2.5, -42, true);
    let x = 2.0 / 3.0;
    println("{} {:.0} {:.1} {:.2} {:.5} {:.10}", x, x, x, x, x, x);
    println("[{:10.4}] [{:<10.4}] [{:>10.4}] [{:3.2}]", -x, -x, x * 1000.0, 12345.678);
    println("[{:.2}] [{:.2}] [{:.1}] [{:.0}] [{:.0}] [{:.3}]", 0.125, 0.375, 0.25, 0.5, 1.5, -0.0005);
    println("[{:>5}] [{:<5}] [{:3}] [{:>2}]", "é", "ñu", "straße", "long");
    let big: u64 = 18446744073709551615;
    let small: i8 = -128;
    println("[{:>22}] [{:<6}] [{:>4}]", big, small, small);
    println("[{:>12}] [{:<12}] [{}]", 1e21, 2.5e-7, 1e16);
    println("{{literal}} {{{}}} {:>3}%", 7, 42);
    let label = format("{:<6}|{:>6}", "ab", 12);
    println("{} len {}", label, label.len());
    let f: f32 = 1.1;
    println("[{:8.2}] [{}] [{:>10}]", f, f, f);
}
