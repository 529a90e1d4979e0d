// A bit set over raw u64 words (alloc, p[i], free): a sieve of Eratosthenes marks composites, a
// second set holds the numbers that are 1 mod 4, and their intersection is counted with popcount.
struct BitSet { words: ptr<u64>, bits: i64 }

func bitset(bits: i64) -> BitSet {
    return BitSet { words: alloc(u64, (bits + 63) / 64), bits: bits };
}

func set(s: BitSet, i: i64) {
    let w = &s.words[i / 64];
    @w = @w | ((1 as u64) << ((i % 64) as u64));
}

func test(s: BitSet, i: i64) -> bool {
    return (s.words[i / 64] >> ((i % 64) as u64)) & 1 == 1;
}

func popcount(x: u64) -> i64 {
    let n = 0;
    let v = x;
    while (v != 0) {
        v = v & (v - 1);
        n += 1;
    }
    return n;
}

func count(s: BitSet) -> i64 {
    let total = 0;
    for i in 0..(s.bits + 63) / 64 { total += popcount(s.words[i]); }
    return total;
}

func main() {
    let limit = 10000;
    let composite = bitset(limit);
    set(composite, 0);
    set(composite, 1);
    let p = 2;
    while (p * p < limit) {
        if (!test(composite, p)) {
            let m = p * p;
            while (m < limit) { set(composite, m); m += p; }
        }
        p += 1;
    }
    let primes = bitset(limit);
    for i in 0..limit { if (!test(composite, i)) { set(primes, i); } }
    println("primes below {}: {}", limit, count(primes));
    println("words {} bytes {}", (limit + 63) / 64, ((limit + 63) / 64) * sizeof(u64));
    println("first word {}", primes.words[0]);
    let ones = bitset(limit);
    for i in 0..limit { if (i % 4 == 1) { set(ones, i); } }
    let both = bitset(limit);
    for w in 0..(limit + 63) / 64 { both.words[w] = primes.words[w] & ones.words[w]; }
    println("primes 1 mod 4: {}, 3 mod 4: {}", count(both), count(primes) - count(both) - 1);
    let last = limit - 1;
    while (!test(primes, last)) { last -= 1; }
    println("largest {} popcount(u64 max) {}", last, popcount(18446744073709551615));
    free(composite.words);
    free(primes.words);
    free(ones.words);
    free(both.words);
}
