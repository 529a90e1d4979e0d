// Text layout: greedy word wrapping to a width, full justification by spreading spaces left to
// right, centring, and a framed box around the result; widths counted in characters.
func wrap(text: string, width: i64) -> Array<Array<string>> {
    let lines: Array<Array<string>> = Array::new();
    let current: Array<string> = Array::new();
    let used = 0;
    for w in text.split(" ") {
        if (w.len() == 0) { continue; }
        let need = w.chars().len();
        if (current.len() > 0 && used + 1 + need > width) {
            lines.push(current);
            current = Array::new();
            used = 0;
        }
        if (current.len() > 0) { used += 1; }
        current.push(w);
        used += need;
    }
    if (current.len() > 0) { lines.push(current); }
    return lines;
}

func spaces(n: i64) -> string {
    let s = "";
    for _ in 0..n { s = s + " "; }
    return s;
}

func justify(words: Array<string>, width: i64) -> string {
    if (words.len() == 1) { return words[0] + spaces(width - words[0].chars().len()); }
    let letters = 0;
    for w in words { letters += w.chars().len(); }
    let gaps = words.len() - 1;
    let total = width - letters;
    let out = words[0];
    for i in 1..words.len() {
        let n = total / gaps;
        if (i - 1 < total % gaps) { n += 1; }
        out = out + spaces(n) + words[i];
    }
    return out;
}

func centre(s: string, width: i64) -> string {
    let free = width - s.chars().len();
    let left = free / 2;
    return spaces(left) + s + spaces(free - left);
}

func main() {
    let text = "The  quick brown fox jumps over the lazy dog, then naps under a très grand oak tree until supper.";
    let width = 24;
    let lines = wrap(text, width);
    let border = "+";
    for _ in 0..(width + 2) { border = border + "-"; }
    border = border + "+";
    println("{}", border);
    println("| {} |", centre("FABLE", width));
    for i in 0..lines.len() {
        let body = "";
        if (i + 1 < lines.len()) {
            body = justify(lines[i], width);
        } else {
            body = lines[i].reduce("", |a, w| a + w + " ").trim();
            body = body + spaces(width - body.chars().len());
        }
        println("| {} |", body);
    }
    println("{}", border);
    println("{} lines", lines.len());
}
