// FNV-1a hashes of strings in u64 and u32 (multiplication wrapping in a release build), string
// bytes read as u8 by indexing, hashes bucketed to spot collisions in a small table.
// opt-level: 2
func fnv1a64(s: string) -> u64 {
    let h: u64 = 14695981039346656037;
    for i in 0..s.len() {
        h ^= s[i] as u64;
        h *= 1099511628211;
    }
    return h;
}

func fnv1a32(s: string) -> u32 {
    let h: u32 = 2166136261;
    for i in 0..s.len() {
        h ^= s[i] as u32;
        h *= 16777619;
    }
    return h;
}

func main() {
    let words = ["", "a", "foobar", "hello world", "LumaScript", "collision?", "héllo"];
    for w in words {
        println("{:<12} {:>20} {:>10}", w, fnv1a64(w), fnv1a32(w));
    }
    let buckets: Array<i64> = Array::new();
    for _ in 0..16 { buckets.push(0); }
    for i in 0..1000 {
        let key = format("key{}", i);
        buckets[(fnv1a32(key) % 16) as i64] += 1;
    }
    let line = "";
    for b in buckets { line = line + format("{} ", b); }
    println("buckets: {}", line.trim());
    let mixed: u64 = fnv1a64("seed");
    for _ in 0..5 { mixed = mixed * 6364136223846793005 + 1442695040888963407; }
    println("lcg after 5 steps: {} (top byte {})", mixed, mixed >> 56);
}
