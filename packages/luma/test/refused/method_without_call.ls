// expect-error: E0225
// expect-line: 12
// expect-message: expected a value, found the method `area`
struct Square { side: f64 }

impl Square {
    func area(self) -> f64 { return self.side * self.side; }
}

func main() {
    let s = Square { side: 3.0 };
    let a: f64 = s.area;
    println("{}", a);
}
