// Floats read from stdin with read_line and parse_f64 (surrounding spaces trimmed, bad lines
// counted): count, sum, mean, min, max, population standard deviation with sqrt, and the values
// printed shortest; args() holds just the program's path.
func main() {
    println("{} argument(s)", args().len());
    let values: Array<f64> = Array::new();
    let bad = 0;
    let going = true;
    while (going) {
        match read_line() {
            Some(line) => {
                let t = line.trim();
                if (t.len() == 0) { continue; }
                match t.parse_f64() {
                    Ok(v) => { values.push(v); }
                    Err(_) => { bad += 1; }
                }
            }
            None => { going = false; }
        }
    }
    let sum = 0.0;
    let lo = values[0];
    let hi = values[0];
    for v in values {
        sum += v;
        lo = min(lo, v);
        hi = max(hi, v);
    }
    let mean = sum / (values.len() as f64);
    let sq = 0.0;
    for v in values { sq += (v - mean) * (v - mean); }
    let sd = sqrt(sq / (values.len() as f64));
    let shown = "";
    for v in values { shown = shown + format("{} ", v); }
    println("values: {}", shown.trim());
    println("n={} bad={} sum={} mean={:.4} min={} max={}", values.len(), bad, sum, mean, lo, hi);
    println("sd={:.4} [{:10.3}] [{:<10.1}]", sd, sd, mean);
    values.sort();
    println("sorted: {} .. {}, median {}", values[0], values[values.len() - 1], values[values.len() / 2]);
}
