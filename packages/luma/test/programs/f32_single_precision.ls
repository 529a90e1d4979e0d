// f32 arithmetic: literals typed by annotations and parameters, sums accumulating rounding error
// against f64, printing as the shortest text that reads back to the same f32, conversions both
// ways, sqrt on f32, and an f32 struct field.
struct Vec2 { x: f32, y: f32 }

func length(v: Vec2) -> f32 { return sqrt(v.x * v.x + v.y * v.y); }

func main() {
    let a: f32 = 0.1;
    let b: f32 = 0.2;
    println("{} {} {} {}", a, b, a + b, (a + b) as f64);
    let sum32: f32 = 0.0;
    let sum64 = 0.0;
    for _ in 0..1000 { sum32 += a; sum64 += 0.1; }
    println("{} {}", sum32, sum64);
    let third: f32 = 1.0 / 3.0;
    println("{} {} {}", third, third as f64, (1.0 / 3.0) as f32);
    let big: f32 = 16777216.0;
    println("{} {} {}", big + 1.0, big + 2.0, 3.4e38 as f32 * 10.0);
    let v = Vec2 { x: 3.0, y: 4.0 };
    let w = Vec2 { x: 1.0, y: 1.0 };
    println("{} {} {:.3}", length(v), length(w), length(w));
    let tiny: f32 = 1e-40;
    println("{} {} {}", tiny, 1.17549435e-38 as f32, 0.000123 as f32);
    println("{} {} {}", 2.5 as f32 as i64, -7.9 as f32 as i32, 300 as f32);
    let halves: Array<f32> = Array::new();
    for i in 0..6 { halves.push((i as f32) * 0.5 + 0.25); }
    let zero: f32 = 0.0;
    println("{} {} {}", halves[0], halves[5], halves.reduce(zero, |acc, x| acc + x));
}
