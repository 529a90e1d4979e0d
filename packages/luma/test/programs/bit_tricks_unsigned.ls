// Bit tricks on unsigned widths: lowest set bit, power-of-two tests, bit reversal of a u32, Gray
// codes of u8 values, a u16 parity, and bit sets of small integers in a u64.
func reverse_bits(x: u32) -> u32 {
    let r: u32 = 0;
    let v = x;
    for _ in 0..32 {
        r = (r << 1) | (v & 1);
        v >>= 1;
    }
    return r;
}

func is_power_of_two(x: u64) -> bool { return x != 0 && (x & (x - 1)) == 0; }

func parity(x: u16) -> u16 {
    let v = x;
    v ^= v >> 8;
    v ^= v >> 4;
    v ^= v >> 2;
    v ^= v >> 1;
    return v & 1;
}

func bits(x: u8) -> string {
    let s = "";
    for i in 0..8 {
        let shift = (7 - i) as u8;
        if ((x >> shift) & 1 == 1) { s = s + "1"; } else { s = s + "0"; }
    }
    return s;
}

func main() {
    println("{} {} {}", reverse_bits(1), reverse_bits(0xF0000000), reverse_bits(0x12345678));
    let x: u64 = 0b1011_0000;
    println("lowest set bit of {}: {}", x, x & (~x + 1));
    let powers = "";
    for v in [0, 1, 2, 3, 64, 96, 1024, 4096, 65535] {
        if (is_power_of_two(v as u64)) { powers = powers + format("{} ", v); }
    }
    println("powers of two: {}", powers);
    let p: u16 = 0;
    for v in [0x0000, 0x0001, 0x0003, 0xFFFF, 0x8001, 0x7FFF] { p = (p << 1) | parity(v as u16); }
    println("parities as bits: {}", p);
    for i in 0..8 {
        let n = i as u8;
        let g = n ^ (n >> 1);
        println("{} {} gray {}", n, bits(n), bits(g));
    }
    let set: u64 = 0;
    for v in [3, 5, 7, 11, 13, 63] { set |= (1 as u64) << (v as u64); }
    let members = "";
    for v in 0..64 {
        if ((set >> (v as u64)) & 1 == 1) { members = members + format("{},", v); }
    }
    println("set {} holds {}", set, members);
    let a: u8 = 0b1100_1010;
    let b: u8 = 0b1010_0110;
    println("{} & {} = {}", bits(a), bits(b), bits(a & b));
    println("{} | {} = {}", bits(a), bits(b), bits(a | b));
    println("{} ^ {} = {}", bits(a), bits(b), bits(a ^ b));
    println("~{} = {}", bits(a), bits(~a));
}
