// A ledger driven by commands on stdin (read_line until None): amounts parsed as cents, every
// failure a Result error reported with its line number, and reports with {:<8} and {:>10} columns.
func parse_cents(s: string) -> Result<i64, string> {
    let parts = s.split(".");
    let whole = parts[0].parse_i64()?;
    let cents = 0;
    if (parts.len() == 2) {
        let frac = parts[1];
        if (frac.len() == 1) { frac = frac + "0"; }
        cents = frac.parse_i64()?;
    }
    if (parts.len() > 2 || cents > 99) { return Err(format("bad amount '{}'", s)); }
    return Ok(whole * 100 + cents);
}

func money(c: i64) -> string {
    let sign = "";
    if (c < 0) { sign = "-"; }
    let a = abs(c);
    let frac = format("{}", a % 100);
    if (frac.len() == 1) { frac = "0" + frac; }
    return format("{}{}.{}", sign, a / 100, frac);
}

func take(accounts: Map<string, i64>, name: string, amount: i64) -> Result<i64, string> {
    match accounts.get(name) {
        Some(balance) => {
            if (balance < amount) { return Err(format("{} has only {}", name, money(balance))); }
            accounts[name] = balance - amount;
            return Ok(balance - amount);
        }
        None => { return Err(format("no account '{}'", name)); }
    }
}

func run(accounts: Map<string, i64>, f: Array<string>) -> Result<string, string> {
    let cmd = f[0];
    if (cmd == "open") { accounts[f[1]] = parse_cents(f[2])?; return Ok("opened " + f[1]); }
    if (cmd == "deposit") {
        let amount = parse_cents(f[2])?;
        if (!accounts.contains_key(f[1])) { return Err(format("no account '{}'", f[1])); }
        accounts[f[1]] += amount;
        return Ok(format("{} now {}", f[1], money(accounts[f[1]])));
    }
    if (cmd == "withdraw") { return Ok(format("{} now {}", f[1], money(take(accounts, f[1], parse_cents(f[2])?)?))); }
    if (cmd == "transfer") {
        let amount = parse_cents(f[3])?;
        if (!accounts.contains_key(f[2])) { return Err(format("no account '{}'", f[2])); }
        take(accounts, f[1], amount)?;
        accounts[f[2]] += amount;
        return Ok(format("moved {} {} -> {}", money(amount), f[1], f[2]));
    }
    if (cmd == "interest") {
        let pct = f[1].parse_i64()?;
        for (name, balance) in accounts { accounts[name] = balance + balance * pct / 100; }
        return Ok(format("{}% interest paid", pct));
    }
    if (cmd == "close") {
        let left = accounts.remove(f[1]).unwrap_or(0);
        return Ok(format("closed {} paying out {}", f[1], money(left)));
    }
    if (cmd == "report") {
        let total = 0;
        for (name, balance) in accounts {
            println("  {:<8}{:>10}", name, money(balance));
            total += balance;
        }
        return Ok(format("{} accounts, {} total", accounts.len(), money(total)));
    }
    return Err("unknown command " + cmd);
}

func main() {
    let accounts: Map<string, i64> = Map::new();
    let n = 0;
    let errors = 0;
    while (true) {
        let line = read_line();
        if (line.is_none()) { break; }
        n += 1;
        let text = line.unwrap().trim();
        if (text.len() == 0 || text.starts_with("#")) { continue; }
        match run(accounts, text.split(" ")) {
            Ok(msg) => { println("{:>2}: {}", n, msg); }
            Err(e) => { println("{:>2}: error: {}", n, e); errors += 1; }
        }
    }
    println("{} lines, {} errors", n, errors);
}
