// Bit manipulation on unsigned and signed integers: hexadecimal and binary literals, masks, shifts,
// population count by a loop, and a rotate built from shifts.
func popcount(x: u64) -> i64 {
    let n = 0;
    let v = x;
    while (v != 0) { n += (v & 1) as i64; v = v >> 1; }
    return n;
}

func rotate_left(x: u32, k: u32) -> u32 { return (x << k) | (x >> (32 - k)); }

func main() {
    let mask: u64 = 0xFF00;
    let bits: u64 = 0b1011;
    println("{} {} {}", mask, bits, mask | bits);
    println("{} {}", popcount(mask), popcount(18446744073709551615));
    println("{}", rotate_left(0x80000001, 4));
    let flags: i32 = 0;
    flags = flags | (1 << 3) | (1 << 5);
    println("{} {} {}", flags, (flags & (1 << 5)) != 0, (flags & (1 << 4)) != 0);
    println("{} {}", -16 >> 2, ~5);
}
