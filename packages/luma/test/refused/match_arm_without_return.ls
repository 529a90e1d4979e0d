// expect-error: E0213
// expect-line: 15
// expect-message: `describe` must return string on every path
enum Token { Number(i64), Plus, Minus, Unknown(string) }

func describe(t: Token) -> string {
    match t {
        Token::Number(n) => { return format("number {}", n); }
        Token::Plus => { return "plus"; }
        Token::Minus => { return "minus"; }
        Token::Unknown(text) => {
            println("warning: unknown token {}", text);
        }
    }
}

func main() {
    println("{}", describe(Token::Plus));
}
