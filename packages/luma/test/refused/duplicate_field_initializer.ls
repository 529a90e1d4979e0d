// expect-error: E0112
// expect-line: 10
// expect-message: field `g` is given twice
struct Color { r: u8, g: u8, b: u8 }

func grey(level: u8) -> Color {
    return Color {
        r: level,
        g: level,
        g: level,
        b: level,
    };
}

func main() {
    let c = grey(128);
    println("{} {} {}", c.r, c.g, c.b);
}
