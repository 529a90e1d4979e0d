// Errors as an enum with payloads carried through Result and `?` across three layers (field, record,
// file), described by a match; successful records summed, unwrap_or and is_err used on the results.
enum ParseError { Empty, BadNumber(string, string), OutOfRange(string, i64), MissingField(i64) }

struct Reading { sensor: string, value: i64 }

func describe(e: ParseError) -> string {
    match e {
        ParseError::Empty => { return "empty line"; }
        ParseError::BadNumber(text, why) => { return format("bad number '{}' ({})", text, why); }
        ParseError::OutOfRange(name, v) => { return format("{} out of range: {}", name, v); }
        ParseError::MissingField(n) => { return format("expected 2 fields, found {}", n); }
    }
}

func parse_value(text: string) -> Result<i64, ParseError> {
    match text.trim().parse_i64() {
        Ok(v) => { return Ok(v); }
        Err(why) => { return Err(ParseError::BadNumber(text.trim(), why)); }
    }
}

func parse_reading(line: string) -> Result<Reading, ParseError> {
    if (line.trim().len() == 0) { return Err(ParseError::Empty); }
    let parts = line.split("=");
    if (parts.len() != 2) { return Err(ParseError::MissingField(parts.len())); }
    let name = parts[0].trim();
    let v = parse_value(parts[1])?;
    if (v < -50 || v > 150) { return Err(ParseError::OutOfRange(name, v)); }
    return Ok(Reading { sensor: name, value: v });
}

func parse_all(text: string) -> Result<i64, ParseError> {
    let sum = 0;
    for line in text.split(";") { sum += parse_reading(line)?.value; }
    return Ok(sum);
}

func main() {
    let lines = ["t1 = 21", "t2=-7", "", "humidity", "t3 = 4x", "t4 = 200", "a=b=c", "t5 = 99999999999999999999"];
    let good = 0;
    for line in lines {
        match parse_reading(line) {
            Ok(r) => { good += r.value; println("{}: {}", r.sensor, r.value); }
            Err(e) => { println("'{}': {}", line, describe(e)); }
        }
    }
    println("sum of good readings {}", good);
    println("{}", parse_all("a=1;b=2;c=3").unwrap_or(-1));
    let bad = parse_all("a=1;b=x;c=3");
    println("{} {}", bad.is_err(), parse_all("a=1;;c=3").is_err());
    match bad {
        Ok(_) => {}
        Err(e) => { println("first error: {}", describe(e)); }
    }
}
