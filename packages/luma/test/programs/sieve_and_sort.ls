// A sieve of Eratosthenes on an Array<bool>, and an insertion sort on an Array<i64> of values from
// an LCG, checked sorted.
func primes_below(n: i64) -> Array<i64> {
    let composite: Array<bool> = Array::new();
    for _ in 0..n { composite.push(false); }
    let found: Array<i64> = Array::new();
    for i in 2..n {
        if (composite[i]) { continue; }
        found.push(i);
        let j = i * i;
        while (j < n) { composite[j] = true; j += i; }
    }
    return found;
}

func insertion_sort(xs: Array<i64>) {
    for i in 1..xs.len() {
        let x = xs[i];
        let j = i - 1;
        while (j >= 0 && xs[j] > x) { xs[j + 1] = xs[j]; j -= 1; }
        xs[j + 1] = x;
    }
}

func main() {
    let ps = primes_below(100);
    println("{} primes, last {}, 10th {}", ps.len(), ps[ps.len() - 1], ps[9]);
    let xs: Array<i64> = Array::new();
    let state = 7;
    for _ in 0..20 {
        state = (state * 1103515245 + 12345) % 2147483648;
        xs.push(state % 100);
    }
    insertion_sort(xs);
    let sorted = true;
    for i in 1..xs.len() { if (xs[i - 1] > xs[i]) { sorted = false; } }
    println("sorted {} min {} max {}", sorted, xs[0], xs[19]);
}
