// Integer widths in a debug build: `as` truncating and sign-extending between u8..u64 and i8..i64,
// floats to integers (toward zero, saturating, NaN to 0), `**` on integers (wrapping at every
// level) and floats, and arithmetic kept inside each type's range.
func bits8(x: u8) -> string {
    let s = "";
    for i in 0..8 {
        let bit = (x >> ((7 - i) as u8)) & 1;
        s = s + format("{}", bit);
    }
    return s;
}

func main() {
    let values = [0, 1, 127, 128, 255, 256, 65535, 65536, -1, -129, 4294967296 + 7];
    for v in values {
        println("{:>11}: u8 {:>3} i8 {:>4} u16 {:>5} i16 {:>6} u32 {:>10} i32 {:>11}", v, v as u8, v as i8, v as u16, v as i16, v as u32, v as i32);
    }
    let b: u8 = 0b1011_0110;
    println("{} {} {} {}", bits8(b), bits8(~b), bits8(b << 3), bits8(b >> 5));
    let s: i8 = -86;
    println("{} as u8 {} as i64 {} as u64 {}", s, s as u8, s as i64, s as u64);
    let w: u32 = 3000000000;
    println("{} as i32 {} as i64 {} as u16 {}", w, w as i32, w as i64, w as u16);
    for f in [2.9, -2.9, 300.5, -300.5, 1e20, -1e20] {
        println("{} -> i64 {} u8 {} i8 {} u32 {}", f, f as i64, f as u8, f as i8, f as u32);
    }
    let nan = 0.0 / 0.0;
    let inf = 1.0 / 0.0;
    println("nan -> {} {}, inf -> {} {}, -inf -> {}", nan as i64, nan as u8, inf as i32, inf as u64, -inf as i16);
    println("powers {} {} {} {}", 2 ** 10, 3 ** 13, (-2) ** 7, 10 ** 18);
    let base: u8 = 3;
    let k: u8 = 5;
    println("u8 3**5 {} 2**62 {} 2**64 wraps to {} 3**40 {}", base ** k, 2 ** 62, 2 ** 64, 3 ** 40);
    let small: i16 = 7;
    let e: i16 = 4;
    println("i16 7**4 {} 7**6 {}", small ** e, small ** (e + 2));
    println("floats {} {} {} {}", 2.0 ** 0.5, 10.0 ** -2.0, 4.0 ** 0.5, (-8.0) ** (1.0 / 3.0));
    let acc: u16 = 1;
    for i in 1..9 { acc = acc * (i as u16) % 10007; }
    let mix: i32 = (acc as i32) - 40000;
    println("acc {} mix {} mix as u16 {} back {}", acc, mix, mix as u16, (mix as u16) as i32);
    let big: u64 = 18000000000000000000;
    println("{} / 7 = {} rem {} as f64 {} as i64 {}", big, big / 7, big % 7, big as f64, big as i64);
    println("bool as {} {} {}", true as u8, false as i64, (true as i32) + 41);
}
