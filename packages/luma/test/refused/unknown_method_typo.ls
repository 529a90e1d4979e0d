// expect-error: E0105
// expect-line: 15
// expect-message: no method `nrom` on type Vec3
// expect-help: norm
struct Vec3 { x: f64, y: f64, z: f64 }

impl Vec3 {
    func norm(self) -> f64 {
        return sqrt(self.x * self.x + self.y * self.y + self.z * self.z);
    }
}

func main() {
    let v = Vec3 { x: 1.0, y: 2.0, z: 2.0 };
    println("{}", v.nrom());
}
