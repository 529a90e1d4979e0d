// Option<[N]T> results: two-sum indices as Option<[2]i64>, an IPv4 address parsed to
// Option<[4]u8>, results kept in an Array and compared with ==, and a copy changed without
// touching the original.
func two_sum(xs: Array<i64>, target: i64) -> Option<[2]i64> {
    let seen: Map<i64, i64> = Map::new();
    for i in 0..xs.len() {
        match seen.get(target - xs[i]) {
            Some(j) => { return Some([j, i]); }
            None => { seen[xs[i]] = i; }
        }
    }
    return None;
}

func parse_ipv4(s: string) -> Option<[4]u8> {
    let parts = s.split(".");
    if (parts.len() != 4) { return None; }
    let out: [4]u8 = [0; 4];
    for i in 0..4 {
        match parts[i].parse_i64() {
            Ok(n) => {
                if (n < 0 || n > 255) { return None; }
                out[i] = n as u8;
            }
            Err(_) => { return None; }
        }
    }
    return Some(out);
}

func show_ip(ip: Option<[4]u8>) -> string {
    match ip {
        Some(a) => { return format("{}.{}.{}.{}", a[0], a[1], a[2], a[3]); }
        None => { return "invalid"; }
    }
}

func main() {
    let xs: Array<i64> = Array::new();
    for x in [8, 3, 11, -4, 7, 15, 2] { xs.push(x); }
    let answers: Array<Option<[2]i64>> = Array::new();
    for t in [10, 18, 4, 100, 22] {
        let r = two_sum(xs, t);
        answers.push(r);
        match r {
            Some(ij) => { println("target {:>3}: xs[{}] + xs[{}] = {} + {}", t, ij[0], ij[1], xs[ij[0]], xs[ij[1]]); }
            None => { println("target {:>3}: none", t); }
        }
    }
    println("same as [2, 4]: {} {}", answers[1] == Some([2, 4]), answers[0] == Some([2, 4]));
    println("nones {}", answers.filter(|a| a.is_none()).len());
    let inputs = ["192.168.0.1", "10.0.300.1", "1.2.3", "255.255.255.255", "8.8.x.8", "127.0.0.1"];
    let parsed: Array<Option<[4]u8>> = Array::new();
    for s in inputs { parsed.push(parse_ipv4(s)); }
    for i in 0..parsed.len() { println("{:<16} -> {}", inputs[i], show_ip(parsed[i])); }
    let home = parse_ipv4("127.0.0.1");
    println("loopback found at {}", if_index(parsed, home));
    let original = parsed[0];
    let changed = original.unwrap();
    changed[3] = 254;
    println("{} vs {} equal {}", show_ip(original), show_ip(Some(changed)), original == Some(changed));
    let sum: u64 = 0;
    for b in parsed[3].unwrap() { sum += b as u64; }
    println("broadcast byte sum {}", sum);
}

func if_index(xs: Array<Option<[4]u8>>, x: Option<[4]u8>) -> i64 {
    for i in 0..xs.len() { if (xs[i] == x) { return i; } }
    return -1;
}
