// A big loop: the longest Collatz chain for starts below 300000, with a cache of chain lengths in
// an Array for values below the limit, and a checksum over all lengths.
func main() {
    let limit = 300000;
    let cache: Array<i64> = Array::new();
    for _ in 0..limit { cache.push(0); }
    cache[1] = 1;
    let best = 1;
    let best_start = 1;
    let checksum = 0;
    let highest = 0;
    for start in 2..limit {
        let n = start;
        let steps = 0;
        while (n >= limit || cache[n] == 0) {
            if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; }
            if (n > highest) { highest = n; }
            steps += 1;
        }
        let length = steps + cache[n];
        cache[start] = length;
        checksum = (checksum * 7 + length) % 1000000007;
        if (length > best) { best = length; best_start = start; }
    }
    println("longest chain below {}: {} terms from {}", limit, best, best_start);
    println("highest value reached: {}", highest);
    println("checksum {}", checksum);
}
