// bench-size: 10
// c-port: packages/python/bench/fannkuch_redux.c
// The benchmarks-game fannkuch-redux, as packages/python/bench/fannkuch_redux.c: every permutation
// of 0..n-1 in the benchmark's order, each flipped until its first element is 0; the checksum and
// the largest flip count.
func filled(n: i64, value: i64) -> Array<i64> {
    let xs: Array<i64> = Array::new();
    for _ in 0..n { xs.push(value); }
    return xs;
}

func main() {
    let n = args()[1].parse_i64().unwrap();
    let perm1 = filled(n, 0);
    for i in 0..n { perm1[i] = i; }
    let perm = filled(n, 0);
    let count = filled(n, 0);
    let max_flips = 0;
    let checksum = 0;
    let perm_count = 0;
    let r = n;
    while (true) {
        while (r != 1) {
            count[r - 1] = r;
            r -= 1;
        }
        for i in 0..n { perm[i] = perm1[i]; }
        let flips = 0;
        let k = perm[0];
        while (k != 0) {
            let i = 0;
            let j = k;
            while (i < j) {
                let t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                i += 1;
                j -= 1;
            }
            flips += 1;
            k = perm[0];
        }
        if (flips > max_flips) { max_flips = flips; }
        if (perm_count % 2 == 0) { checksum += flips; } else { checksum -= flips; }
        while (true) {
            if (r == n) {
                println("{}", checksum);
                println("Pfannkuchen({}) = {}", n, max_flips);
                return;
            }
            let first = perm1[0];
            for i in 0..r { perm1[i] = perm1[i + 1]; }
            perm1[r] = first;
            count[r] -= 1;
            if (count[r] > 0) { break; }
            r += 1;
        }
        perm_count += 1;
    }
}
