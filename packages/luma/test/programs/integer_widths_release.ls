// Every integer width in a release build: sums that wrap at the type's width, casts that truncate
// or sign-extend, unsigned division and comparison, and shifts on signed and unsigned values.
// opt-level: 2
func sum_i8(n: i64) -> i8 {
    let s: i8 = 0;
    for i in 0..n { s += i as i8; }
    return s;
}

func sum_u16(n: i64) -> u16 {
    let s: u16 = 0;
    for i in 0..n { s += (i * 1000) as u16; }
    return s;
}

func main() {
    println("i8 sum {} u16 sum {}", sum_i8(100), sum_u16(100));
    let a: i32 = 2147483647;
    let b: i32 = a + 10;
    let c: u32 = 4000000000;
    let d: u32 = c * 2;
    println("{} {} {} {}", a, b, c, d);
    let big: i64 = 0x1_2345_6789;
    println("{} {} {} {}", big as i32, big as u16, big as i8, big as u8);
    let neg: i16 = -2;
    println("{} {} {} {}", neg as u16, neg as i64, neg as u64, (neg as u8) as i64);
    let u: u64 = 18446744073709551000;
    println("{} {} {}", u / 7, u % 1000, u > 9223372036854775807);
    println("{} {}", u as i64, (u as i64) / 7);
    let small: u8 = 3;
    println("{} {} {}", small - 5, small * 100, (small as i8) - 5);
    let s: i8 = -128;
    println("{} {} {}", -s, s - 1, s >> 1);
    let w: u8 = 0x80;
    println("{} {}", w >> 1, (w as i8) >> 1);
    let x: i64 = -1;
    println("{} {}", (x as u32) >> 28, x << 63);
    let m: i16 = 300;
    println("{} {}", m * m, (m as i32) * (m as i32));
}
