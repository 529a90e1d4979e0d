// Word frequencies of a paragraph: punctuation stripped with replace, words lowered and counted in
// a Map, then ranked with sort_by (count descending, ties alphabetical) and printed as a table.
struct WordCount { word: string, count: i64 }

func clean(text: string) -> string {
    let t = text;
    for p in [".", ",", ";", ":", "!", "?", "(", ")", "\""] { t = t.replace(p, " "); }
    return t.to_lower();
}

func main() {
    let text = "It was the best of times, it was the worst of times; it was the age of wisdom, it was the age of foolishness (it was the epoch of belief!) \"It was the season of Light\"";
    let counts: Map<string, i64> = Map::new();
    let total = 0;
    for w in clean(text).split(" ") {
        if (w.len() == 0) { continue; }
        total += 1;
        counts[w] = counts.get(w).unwrap_or(0) + 1;
    }
    let ranked: Array<WordCount> = Array::new();
    for (w, c) in counts { ranked.push(WordCount { word: w, count: c }); }
    ranked.sort_by(|a, b| a.count > b.count || (a.count == b.count && a.word < b.word));
    println("{} words, {} distinct", total, ranked.len());
    println("{:>4}  {:<12}{:>6}", "rank", "word", "count");
    for i in 0..ranked.len() {
        if (ranked[i].count < 2) { break; }
        println("{:>4}  {:<12}{:>6}", i + 1, ranked[i].word, ranked[i].count);
    }
    let once = ranked.filter(|e| e.count == 1).map(|e| e.word);
    let line = once[0];
    for i in 1..once.len() { line = line + ", " + once[i]; }
    println("once: {}", line);
}
