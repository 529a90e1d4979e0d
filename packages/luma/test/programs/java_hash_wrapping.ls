// Java's String.hashCode (h = 31 * h + c in i32, wrapping) in a release build, with character codes
// looked up through find() in an alphabet; an Adler-32 checksum in u32; a hash table's bucket index
// from a negative hash with % and a cast.
// opt-level: 2
const ALPHABET: string = " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

func code(c: string) -> i32 {
    match ALPHABET.find(c) {
        Some(i) => {
            if (i == 0) { return 32; }
            if (i <= 26) { return (96 + i) as i32; }
            return (64 + i - 26) as i32;
        }
        None => { return 63; }
    }
}

func java_hash(s: string) -> i32 {
    let h: i32 = 0;
    for c in s.chars() { h = 31 * h + code(c); }
    return h;
}

func adler32(s: string) -> u32 {
    let a: u32 = 1;
    let b: u32 = 0;
    for c in s.chars() {
        a = (a + code(c) as u32) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

func main() {
    let words = ["", "a", "hello", "Hello World", "polygenelubricants", "the quick brown fox jumps over the lazy dog"];
    for w in words {
        let h = java_hash(w);
        let bucket = ((h % 16) + 16) % 16;
        println("{:>12} {:>11} bucket {:>2} adler {}", java_hash(w), h as u32, bucket, adler32(w));
    }
    let h: i32 = 2147483647;
    println("{} {} {}", h + 1, h * 2, (h as i64) * 2);
}
