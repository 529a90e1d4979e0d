// Words counted with an Array of (word, count) structs: split, trim, lowercase, linear search,
// and a selection of the most frequent.
struct Entry { word: string, count: i64 }

func find(entries: Array<Entry>, word: string) -> Option<i64> {
    for i in 0..entries.len() {
        if (entries[i].word == word) { return Some(i); }
    }
    return None;
}

func main() {
    let text = "The cat and the dog. The END and the start";
    let entries: Array<Entry> = Array::new();
    for raw in text.split(" ") {
        let word = raw.trim().to_lower().replace(".", "");
        if (word.len() == 0) { continue; }
        match find(entries, word) {
            Some(i) => { entries[i].count += 1; }
            None => { entries.push(Entry { word: word, count: 1 }); }
        }
    }
    println("{} distinct", entries.len());
    let best = entries[0];
    for e in entries {
        if (e.count > best.count) { best = e; }
    }
    println("most: {} x{}", best.word, best.count);
    for e in entries { print("{}={} ", e.word, e.count); }
    println("");
}
