// Strings compared with == and < (byte order: uppercase before lowercase, prefixes first), sorted
// with sort(), with sort_by on length then text, case-insensitively through to_lower, and
// deduplicated after sorting; contains on arrays of strings.
func dedup(xs: Array<string>) -> Array<string> {
    let out: Array<string> = Array::new();
    for x in xs {
        if (out.len() == 0 || out[out.len() - 1] != x) { out.push(x); }
    }
    return out;
}

func joined(xs: Array<string>) -> string {
    return xs.reduce("", |acc, x| if_empty(acc, x));
}

func if_empty(acc: string, x: string) -> string {
    if (acc.len() == 0) { return x; }
    return acc + " " + x;
}

func main() {
    println("{} {} {} {}", "apple" < "banana", "Zebra" < "apple", "app" < "apple", "b" < "abc");
    println("{} {} {}", "abc" == "abc", "abc" == "abd", "" < "a");
    let words = "pear Apple fig banana apple Fig kiwi pear date Banana fig".split(" ");
    let plain = words.map(|w| w);
    plain.sort();
    println("sorted:      {}", joined(plain));
    let by_len = words.map(|w| w);
    by_len.sort_by(|a, b| a.len() < b.len() || (a.len() == b.len() && a < b));
    println("by length:   {}", joined(by_len));
    let folded = words.map(|w| w);
    folded.sort_by(|a, b| a.to_lower() < b.to_lower());
    println("no case:     {}", joined(folded));
    let lower = words.map(|w| w.to_lower());
    lower.sort();
    let unique = dedup(lower);
    println("unique:      {} ({} of {})", joined(unique), unique.len(), words.len());
    println("{} {} {}", words.contains("Fig"), words.contains("grape"), unique.contains("fig"));
    let smallest = words[0];
    let largest = words[0];
    for w in words {
        if (w < smallest) { smallest = w; }
        if (largest < w) { largest = w; }
    }
    println("min {} max {}", smallest, largest);
}
