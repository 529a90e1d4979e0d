// A hand-written scanner over a source text's bytes (s[i] as u8): identifiers, decimal and hex
// numbers, string literals with backslash escapes, two-byte operators and comments become Token enum values,
// which are then counted and printed.
enum Token { Ident(string), Number(i64), Str(string), Op(string), Bad(u8) }

func is_alpha(b: u8) -> bool { return (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95; }
func is_digit(b: u8) -> bool { return b >= 48 && b <= 57; }
func hex_value(b: u8) -> i64 {
    if (is_digit(b)) { return (b - 48) as i64; }
    if (b >= 97 && b <= 102) { return (b - 87) as i64; }
    if (b >= 65 && b <= 70) { return (b - 55) as i64; }
    return -1;
}

func scan(src: string) -> Array<Token> {
    let out: Array<Token> = Array::new();
    let i = 0;
    let n = src.len();
    while (i < n) {
        let b = src[i];
        if (b == 32 || b == 10 || b == 9) {
            i += 1;
        } else if (b == 47 && i + 1 < n && src[i + 1] == 47) {
            while (i < n && src[i] != 10) { i += 1; }
        } else if (is_alpha(b)) {
            let start = i;
            while (i < n && (is_alpha(src[i]) || is_digit(src[i]))) { i += 1; }
            out.push(Token::Ident(src.slice(start, i)));
        } else if (b == 48 && i + 1 < n && src[i + 1] == 120) {
            i += 2;
            let v = 0;
            while (i < n && hex_value(src[i]) >= 0) { v = v * 16 + hex_value(src[i]); i += 1; }
            out.push(Token::Number(v));
        } else if (is_digit(b)) {
            let v = 0;
            while (i < n && is_digit(src[i])) { v = v * 10 + (src[i] - 48) as i64; i += 1; }
            out.push(Token::Number(v));
        } else if (b == 34) {
            let text = "";
            i += 1;
            while (i < n && src[i] != 34) {
                if (src[i] == 92 && i + 1 < n) { i += 1; }
                text = text + src.slice(i, i + 1);
                i += 1;
            }
            i += 1;
            out.push(Token::Str(text));
        } else if (i + 1 < n && (src[i + 1] == 61 || (b == 45 && src[i + 1] == 62))) {
            out.push(Token::Op(src.slice(i, i + 2)));
            i += 2;
        } else if (b == 43 || b == 45 || b == 42 || b == 61 || b == 60 || b == 62 || b == 40 || b == 41 || b == 123 || b == 125 || b == 59 || b == 44) {
            out.push(Token::Op(src.slice(i, i + 1)));
            i += 1;
        } else {
            out.push(Token::Bad(b));
            i += 1;
        }
    }
    return out;
}

func main() {
    let src = "// config\nfunc area(w, h) -> i64 {\n    let mask = 0xFF + 0x1f;\n    if (w <= 10 && h != 0) { print(\"big\\n\", \"say \\\"hi\\\"\"); }\n    return w * h - 42 # 7;\n}\n";
    let tokens = scan(src);
    let idents = 0;
    let numbers = 0;
    let line = "";
    for t in tokens {
        match t {
            Token::Ident(s) => { idents += 1; line = line + s + " "; }
            Token::Number(v) => { numbers += v; line = line + format("#{} ", v); }
            Token::Str(s) => { line = line + "<" + s + "> "; }
            Token::Op(o) => { line = line + o + " "; }
            Token::Bad(b) => { line = line + format("?{} ", b); }
        }
    }
    println("{} tokens, {} identifiers, numbers sum to {}", tokens.len(), idents, numbers);
    println("{}", line.trim());
    let ops: Map<string, i64> = Map::new();
    for t in tokens {
        match t {
            Token::Op(o) => { ops[o] = ops.get(o).unwrap_or(0) + 1; }
            _ => {}
        }
    }
    let summary = "";
    for (o, c) in ops { summary = summary + format("{}x{} ", o, c); }
    println("{}", summary.trim());
    println("first {} last {}", tokens[0] == Token::Ident("func"), tokens[tokens.len() - 1] == Token::Op("}"));
}
