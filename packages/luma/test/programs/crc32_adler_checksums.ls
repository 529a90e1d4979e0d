// Checksums over a string's bytes with unsigned types in a debug build: CRC-32 from a [256]u32
// table built at start, Adler-32 with its modulus, and a Fletcher-16 over u16, all printed in hex.
func crc_table() -> [256]u32 {
    let table: [256]u32 = [0; 256];
    for n in 0..256 {
        let c = n as u32;
        for _ in 0..8 {
            if (c & 1 == 1) { c = 0xEDB88320 ^ (c >> 1); } else { c = c >> 1; }
        }
        table[n] = c;
    }
    return table;
}

func crc32(table: [256]u32, s: string) -> u32 {
    let c: u32 = 0xFFFFFFFF;
    for i in 0..s.len() {
        let index = ((c ^ (s[i] as u32)) & 0xFF) as i64;
        c = table[index] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFF;
}

func adler32(s: string) -> u32 {
    let a: u32 = 1;
    let b: u32 = 0;
    for i in 0..s.len() {
        a = (a + (s[i] as u32)) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

func fletcher16(s: string) -> u16 {
    let a: u16 = 0;
    let b: u16 = 0;
    for i in 0..s.len() {
        a = (a + (s.byte_at(i) as u16)) % 255;
        b = (b + a) % 255;
    }
    return (b << 8) | a;
}

func hex(x: u64, digits: i64) -> string {
    let chars = "0123456789abcdef";
    let out = "";
    let v = x;
    for _ in 0..digits {
        let d = (v & 15) as i64;
        out = chars.slice(d, d + 1) + out;
        v = v >> 4;
    }
    return out;
}

func main() {
    let table = crc_table();
    println("table[1] {} table[255] {}", hex(table[1] as u64, 8), hex(table[255] as u64, 8));
    let inputs = ["", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog", "Wikipedia", "naïve café"];
    for s in inputs {
        println("{:<44} crc32 {} adler32 {} fletcher16 {}", "\"" + s + "\"", hex(crc32(table, s) as u64, 8), hex(adler32(s) as u64, 8), hex(fletcher16(s) as u64, 4));
    }
    let long = "";
    for i in 0..200 { long = long + format("{},", i * i); }
    println("long ({} bytes): crc32 {} adler32 {}", long.len(), crc32(table, long), adler32(long));
}
