// Files and stdin: write_file and read_file (with the reason of a failure), and read_line to the
// end of the input, lines parsed as numbers.
func main() {
    let path = "luma_io_test.txt";
    let ok = write_file(path, "alpha\nbeta\n");
    println("wrote {}", ok);
    match read_file(path) {
        Ok(text) => { println("{} lines, {} bytes", text.trim().split("\n").len(), text.len()); }
        Err(e) => { println("error {}", e); }
    }
    println("{}", read_file("/nonexistent/file").unwrap_err());
    println("{}", write_file("/nonexistent/dir/x", "y"));
    let total = 0;
    let lines = 0;
    let going = true;
    while (going) {
        match read_line() {
            Some(line) => { lines += 1; total += line.parse_i64().unwrap_or(0); }
            None => { going = false; }
        }
    }
    println("{} lines, total {}", lines, total);
}
