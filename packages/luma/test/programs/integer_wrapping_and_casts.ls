// Integers wrap and casts are explicit.
// opt-level: 2
func main() {
    let a: u8 = 250;
    a += 10;
    let b: i8 = 127;
    b += 1;
    let c: i64 = 9223372036854775807;
    c = c + 1;
    let d: u64 = 0;
    d -= 1;
    println("{} {} {} {}", a, b, c, d);
    println("{} {} {}", 300 as i64 as u8, -1 as i64 as u32, 3.99 as i64);
    println("{} {} {}", -3.99 as i64, 1e30 as i32, -5.0 as u8);
    println("{} {} {}", -7 / 2, -7 % 2, 7 / -2);
    println("{} {} {}", 1 << 62, -16 >> 2, (200 as u8) >> 3);
    println("{} {} {}", 0xff & 0x0f, 6 | 9, 5 ^ 3);
    println("{} {} {}", ~0, 2 ** 10, 3 ** 41);
    let big: u64 = 18446744073709551615;
    println("{} {} {}", big > 1, big >> 60, big / 3);
    println("{} {}", true as i64, 65 as u8 as f64);
}
