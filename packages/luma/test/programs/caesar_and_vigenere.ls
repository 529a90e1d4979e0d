// Classical ciphers over chars(): a Caesar shift and a Vigenère cipher with letter positions found
// in an alphabet string, case kept and other characters passed through; decryption round trips,
// and a brute-force crack of a Caesar shift by counting common words.
const LOWER: string = "abcdefghijklmnopqrstuvwxyz";
const UPPER: string = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

func shift_char(c: string, k: i64) -> string {
    match LOWER.find(c) {
        Some(i) => { return LOWER.chars()[((i + k) % 26 + 26) % 26]; }
        None => {}
    }
    match UPPER.find(c) {
        Some(i) => { return UPPER.chars()[((i + k) % 26 + 26) % 26]; }
        None => {}
    }
    return c;
}

func caesar(text: string, k: i64) -> string {
    let out = "";
    for c in text.chars() { out = out + shift_char(c, k); }
    return out;
}

func vigenere(text: string, key: string, direction: i64) -> string {
    let ks = key.to_lower().chars();
    let out = "";
    let j = 0;
    for c in text.chars() {
        let is_letter = LOWER.contains(c.to_lower()) && c != " ";
        if (is_letter) {
            let k = LOWER.find(ks[j % ks.len()]).unwrap();
            out = out + shift_char(c, direction * k);
            j += 1;
        } else {
            out = out + c;
        }
    }
    return out;
}

func score(text: string) -> i64 {
    let n = 0;
    for w in text.to_lower().split(" ") {
        if (w == "the" || w == "and" || w == "of" || w == "to" || w == "is") { n += 1; }
    }
    return n;
}

func main() {
    let plain = "The Quick Brown Fox, jumps over the lazy dog!";
    let secret = caesar(plain, 3);
    println("{}", secret);
    println("{}", caesar(secret, -3));
    println("{}", caesar("xyz XYZ", 29));
    let v = vigenere("Attack at dawn, and hold the bridge.", "Lemon", 1);
    println("{}", v);
    println("{}", vigenere(v, "Lemon", -1));
    let hidden = caesar("the king is in the tower and the queen is to follow", 17);
    let best = 0;
    let best_score = -1;
    for k in 0..26 {
        let s = score(caesar(hidden, -k));
        if (s > best_score) { best_score = s; best = k; }
    }
    println("cracked shift {} ({} common words): {}", best, best_score, caesar(hidden, -best));
}
