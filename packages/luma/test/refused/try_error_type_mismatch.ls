// expect-error: E0212
// expect-line: 9
// expect-message: error of type
func parse_pair(s: string) -> Result<i64, i64> {
    let parts = s.split(",");
    if (parts.len() != 2) {
        return Err(-1);
    }
    let a = parts[0].trim().parse_i64()?;
    let b = parts[1].trim().parse_i64().unwrap_or(0);
    return Ok(a + b);
}

func main() {
    println("{}", parse_pair("1, 2").unwrap_or(0));
}
