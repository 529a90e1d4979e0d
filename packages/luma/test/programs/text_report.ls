// Text processing: lines split from a text, fields parsed with parse_i64 (bad fields reported),
// grouped by a key in a Map, and a report with padded columns.
func main() {
    let text = "alice,30\nbob,x\ncarol,25\nalice,12\n\ndave,7";
    let totals: Map<string, i64> = Map::new();
    let errors = 0;
    for line in text.split("\n") {
        if (line.len() == 0) { continue; }
        let parts = line.split(",");
        match parts[1].parse_i64() {
            Ok(n) => {
                let before = totals.get(parts[0]).unwrap_or(0);
                totals[parts[0]] = before + n;
            }
            Err(e) => { errors += 1; println("line {}: {}", line, e); }
        }
    }
    for (name, total) in totals { println("[{:<6}] [{:>4}]", name, total); }
    println("{} errors", errors);
}
