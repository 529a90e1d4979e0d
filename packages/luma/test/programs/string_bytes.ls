// byte_at reads a string's UTF-8 bytes: a checksum of a line, a hex dump of a word with a non-ASCII
// letter, and an index past the end, which panics.
// expect-status: 101
// expect-stderr: panic: byte index 5 is out of bounds of a string of length 5
// expect-stderr:   at string_bytes.ls:23:19
func hex(b: u8) -> string {
    let digits = "0123456789abcdef";
    let high = (b >> 4) as i64;
    let low = (b & 15) as i64;
    return digits.slice(high, high + 1) + digits.slice(low, low + 1);
}

func main() {
    let line = "The quick brown fox";
    let sum = 0;
    for i in 0..line.len() { sum = (sum * 31 + (line.byte_at(i) as i64)) % 1000003; }
    println("checksum {}", sum);
    let word = "café";
    let dump = "";
    for i in 0..word.len() { dump = dump + hex(word.byte_at(i)) + " "; }
    println("{} bytes: {}", word.len(), dump.trim());
    println("first {} last {}", word.byte_at(0), word.byte_at(word.len() - 1));
    println("{}", word.byte_at(5));
}
