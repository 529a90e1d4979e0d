// expect-error: E0104
// expect-line: 11
// expect-message: no field `heigth`
// expect-help: height
struct Rect { width: f64, height: f64 }

impl Rect {
    func new(width: f64, height: f64) -> Rect {
        return Rect { width: width, height: height };
    }
    func area(self) -> f64 { return self.width * self.heigth; }
}

func main() {
    let r = Rect::new(2.0, 3.0);
    println("{}", r.area());
}
