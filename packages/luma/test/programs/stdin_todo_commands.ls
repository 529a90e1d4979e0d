// A to-do list driven by commands on stdin: add/insert/done/move/pop/undo/list/count over an
// Array<string> with insert, remove and pop, a history of removed items as a stack, and errors for
// bad commands and indexes reported with the line number.
func parse_index(text: string, len: i64) -> Result<i64, string> {
    let i = text.parse_i64()?;
    if (i < 0 || i >= len) { return Err(format("no item {}", i)); }
    return Ok(i);
}

func rest_after(words: Array<string>, from: i64) -> string {
    let out = "";
    for i in from..words.len() {
        if (i > from) { out = out + " "; }
        out = out + words[i];
    }
    return out;
}

func main() {
    let items: Array<string> = Array::new();
    let removed: Array<string> = Array::new();
    let line_no = 0;
    while (true) {
        let line = "";
        match read_line() {
            Some(l) => { line = l; }
            None => { break; }
        }
        line_no += 1;
        let words = line.split(" ");
        let cmd = words[0];
        match cmd {
            "add" => { items.push(rest_after(words, 1)); }
            "insert" => {
                let at = words[1].parse_i64().unwrap_or(0);
                items.insert(min(at, items.len()), rest_after(words, 2));
            }
            "done" => {
                match parse_index(words[1], items.len()) {
                    Ok(i) => { let t = items.remove(i); println("done: {}", t); removed.push(t); }
                    Err(e) => { println("line {}: {}", line_no, e); }
                }
            }
            "move" => {
                let from = parse_index(words[1], items.len()).unwrap();
                let to = parse_index(words[2], items.len()).unwrap();
                let t = items.remove(from);
                items.insert(to, t);
            }
            "pop" => {
                match items.pop() {
                    Some(t) => { println("popped: {}", t); }
                    None => { println("nothing to pop"); }
                }
            }
            "undo" => {
                match removed.pop() {
                    Some(t) => { items.push(t); println("restored: {}", t); }
                    None => { println("nothing to undo"); }
                }
            }
            "list" => {
                for i in 0..items.len() { println("  {}. {}", i, items[i]); }
            }
            "count" => { println("{} items, contains 'call mum': {}", items.len(), items.contains("call mum")); }
            _ => { println("line {}: unknown command '{}'", line_no, cmd); }
        }
    }
}
