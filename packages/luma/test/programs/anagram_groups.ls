// Anagram groups: each word's letters sorted into a key (chars, sort, reduce), words grouped in a
// Map<string, Array<string>> in first-seen order, groups of two or more printed; palindromes found
// by comparing a word with its reversed chars.
func key_of(word: string) -> string {
    let cs = word.chars();
    cs.sort();
    return cs.reduce("", |a, c| a + c);
}

func reversed(word: string) -> string {
    let cs = word.chars();
    cs.reverse();
    return cs.reduce("", |a, c| a + c);
}

func main() {
    let words = "listen silent enlist google elgoog inlets banana stone tones notes onset level rotor abc cab bca radar tinsel".split(" ");
    let groups: Map<string, Array<string>> = Map::new();
    for w in words {
        let k = key_of(w);
        if (!groups.contains_key(k)) {
            let fresh: Array<string> = Array::new();
            groups.insert(k, fresh);
        }
        groups[k].push(w);
    }
    println("{} words in {} groups", words.len(), groups.len());
    for (k, members) in groups {
        if (members.len() < 2) { continue; }
        let line = members[0];
        for i in 1..members.len() { line = line + " " + members[i]; }
        println("{:<8} {} : {}", k, members.len(), line);
    }
    let palindromes = words.filter(|w| reversed(w) == w);
    let p = "";
    for w in palindromes { p = p + w + " "; }
    println("palindromes: {}", p.trim());
    let longest = words.reduce("", |best, w| if_longer(best, w));
    println("longest word: {}", longest);
}

func if_longer(a: string, b: string) -> string {
    if (b.len() > a.len()) { return b; }
    return a;
}
