// Exact fractions as a struct of two i64 kept in lowest terms with gcd: arithmetic methods returning
// new values, comparison by cross-multiplication, a harmonic sum, and a continued-fraction expansion.
struct Frac { num: i64, den: i64 }

func gcd(a: i64, b: i64) -> i64 {
    let x = abs(a);
    let y = abs(b);
    while (y != 0) { let t = x % y; x = y; y = t; }
    return x;
}

func lcm(a: i64, b: i64) -> i64 { return a / gcd(a, b) * b; }

impl Frac {
    func new(num: i64, den: i64) -> Frac {
        if (den == 0) { panic("zero denominator"); }
        let g = gcd(num, den);
        let s = 1;
        if (den < 0) { s = -1; }
        return Frac { num: s * num / g, den: s * den / g };
    }
    func add(self, o: Frac) -> Frac { return Frac::new(self.num * o.den + o.num * self.den, self.den * o.den); }
    func sub(self, o: Frac) -> Frac { return Frac::new(self.num * o.den - o.num * self.den, self.den * o.den); }
    func mul(self, o: Frac) -> Frac { return Frac::new(self.num * o.num, self.den * o.den); }
    func div(self, o: Frac) -> Frac { return Frac::new(self.num * o.den, self.den * o.num); }
    func less(self, o: Frac) -> bool { return self.num * o.den < o.num * self.den; }
    func text(self) -> string {
        if (self.den == 1) { return format("{}", self.num); }
        return format("{}/{}", self.num, self.den);
    }
}

func main() {
    let a = Frac::new(6, -8);
    let b = Frac::new(5, 12);
    println("a = {}, b = {}", a.text(), b.text());
    println("a + b = {}, a - b = {}", a.add(b).text(), a.sub(b).text());
    println("a * b = {}, a / b = {}", a.mul(b).text(), a.div(b).text());
    println("a < b: {}, b < a: {}", a.less(b), b.less(a));
    let h = Frac::new(0, 1);
    for k in 1..16 { h = h.add(Frac::new(1, k)); }
    println("H(15) = {} ~ {:.6}", h.text(), (h.num as f64) / (h.den as f64));
    println("gcd(1071, 462) = {}, lcm(4, 6, 15) = {}", gcd(1071, 462), lcm(lcm(4, 6), 15));
    let x = Frac::new(415, 93);
    let terms = "";
    let n = x.num;
    let d = x.den;
    while (d != 0) {
        terms = terms + format("{} ", n / d);
        let r = n % d;
        n = d;
        d = r;
    }
    println("{} = [{}]", x.text(), terms.trim());
    println("{}", Frac::new(-3, -9).sub(Frac::new(1, 3)).text());
}
