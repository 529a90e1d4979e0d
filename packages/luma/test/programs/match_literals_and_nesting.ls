// match over integers (negative literals too), strings and bools with `_` and name bindings, and
// over nested Option<Option<i64>> and Result<Option<string>, i64> values; FizzBuzz by a match on
// a remainder pair encoded as one integer.
func http_status(code: i64) -> string {
    match code {
        200 => { return "OK"; }
        301 => { return "Moved Permanently"; }
        404 => { return "Not Found"; }
        500 => { return "Internal Server Error"; }
        -1 => { return "no response"; }
        other => {
            if (other >= 400 && other < 500) { return format("client error {}", other); }
            return format("unknown {}", other);
        }
    }
}

func command(word: string, verbose: bool) -> string {
    match word {
        "add" => { return "adding"; }
        "rm" => {
            match verbose {
                true => { return "removing (verbose)"; }
                false => { return "removing"; }
            }
        }
        "" => { return "nothing to do"; }
        _ => { return "unknown command " + word; }
    }
}

func depth(v: Option<Option<i64>>) -> string {
    match v {
        Some(Some(0)) => { return "zero inside"; }
        Some(Some(n)) => { return format("value {}", n); }
        Some(None) => { return "empty inside"; }
        None => { return "nothing"; }
    }
}

func lookup(r: Result<Option<string>, i64>) -> string {
    match r {
        Ok(Some(name)) => { return "found " + name; }
        Ok(None) => { return "not found"; }
        Err(code) => { return format("failed with {}", code); }
    }
}

func main() {
    for c in [200, 404, 418, 500, -1, 302] { println("{} {}", c, http_status(c)); }
    println("{} | {} | {} | {} | {}", command("add", false), command("rm", true), command("rm", false), command("", true), command("mv", false));
    println("{} | {} | {} | {}", depth(Some(Some(0))), depth(Some(Some(-4))), depth(Some(None)), depth(None));
    println("{} | {} | {}", lookup(Ok(Some("ada"))), lookup(Ok(None)), lookup(Err(503)));
    let line = "";
    for i in 1..21 {
        let key = (i % 3 == 0) as i64 * 2 + (i % 5 == 0) as i64;
        match key {
            3 => { line = line + "FizzBuzz "; }
            2 => { line = line + "Fizz "; }
            1 => { line = line + "Buzz "; }
            _ => { line = line + format("{} ", i); }
        }
    }
    println("{}", line.trim());
}
