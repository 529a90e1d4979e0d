// A calculator: text split into tokens (numbers, operators, parentheses) by scanning chars(), a
// recursive-descent parser over an rc<Parser> with precedence and unary minus, errors as Result
// passed up with ?, and integer division by zero reported instead of panicking.
struct Parser { tokens: Array<string>, pos: i64 }

func tokenize(text: string) -> Result<Array<string>, string> {
    let tokens: Array<string> = Array::new();
    let number = "";
    for c in text.chars() {
        if ("0123456789".contains(c)) { number = number + c; continue; }
        if (number.len() > 0) { tokens.push(number); number = ""; }
        if (c == " ") { continue; }
        if ("+-*/%()".contains(c)) { tokens.push(c); } else { return Err(format("unexpected '{}'", c)); }
    }
    if (number.len() > 0) { tokens.push(number); }
    return Ok(tokens);
}

func peek(p: rc<Parser>) -> string {
    if (p.pos < p.tokens.len()) { return p.tokens[p.pos]; }
    return "";
}

func expr(p: rc<Parser>) -> Result<i64, string> {
    let value = term(p)?;
    while (peek(p) == "+" || peek(p) == "-") {
        let op = peek(p);
        p.pos += 1;
        let rhs = term(p)?;
        if (op == "+") { value += rhs; } else { value -= rhs; }
    }
    return Ok(value);
}

func term(p: rc<Parser>) -> Result<i64, string> {
    let value = factor(p)?;
    while (peek(p) == "*" || peek(p) == "/" || peek(p) == "%") {
        let op = peek(p);
        p.pos += 1;
        let rhs = factor(p)?;
        match op {
            "*" => { value *= rhs; }
            _ => {
                if (rhs == 0) { return Err("division by zero"); }
                if (op == "/") { value /= rhs; } else { value %= rhs; }
            }
        }
    }
    return Ok(value);
}

func factor(p: rc<Parser>) -> Result<i64, string> {
    let t = peek(p);
    if (t == "") { return Err("unexpected end"); }
    p.pos += 1;
    if (t == "-") { return Ok(-factor(p)?); }
    if (t == "(") {
        let v = expr(p)?;
        if (peek(p) != ")") { return Err("missing )"); }
        p.pos += 1;
        return Ok(v);
    }
    return t.parse_i64();
}

func evaluate(text: string) -> Result<i64, string> {
    let p = rc::new(Parser { tokens: tokenize(text)?, pos: 0 });
    let v = expr(p)?;
    if (p.pos < p.tokens.len()) { return Err(format("unexpected '{}'", peek(p))); }
    return Ok(v);
}

func main() {
    let inputs = ["1 + 2 * 3", "(1 + 2) * 3", "-7 / 2", "-7 % 3", "2 * (3 + 4) * -(5 - 6)", "100 / (5 - 5)", "12 + x", "(1 + 2", "1 2", "", "10 - 4 - 3", "2 * 3 % 4"];
    for s in inputs {
        match evaluate(s) {
            Ok(v) => { println("{:<24} = {}", s, v); }
            Err(e) => { println("{:<24} error: {}", s, e); }
        }
    }
}
