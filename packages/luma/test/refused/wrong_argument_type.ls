// expect-error: E0200
// expect-line: 12
// expect-message: expected string, found i64
func repeat_text(text: string, times: i64) -> string {
    let out = "";
    for i in 0..times { out = out + text; }
    return out;
}

func main() {
    let n = 3;
    println("{}", repeat_text(n, 2));
}
