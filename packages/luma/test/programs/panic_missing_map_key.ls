// expect-status: 101
// expect-stderr: panic: key not found in the map
// expect-stderr:   at panic_missing_map_key.ls:29:20
// Environment-style settings in a Map<string, string>: get() with a default for optional keys,
// then m[k] indexing of a key that was never set panics with the map's message.
func parse(text: string) -> Map<string, string> {
    let m: Map<string, string> = Map::new();
    for line in text.split(";") {
        let kv = line.split("=");
        if (kv.len() == 2) { m[kv[0].trim()] = kv[1].trim(); }
    }
    return m;
}

func main() {
    let env = parse("HOST = db.local; PORT=5432 ;USER=app; broken; RETRIES=3");
    println("{} settings", env.len());
    for (k, v) in env { println("  {}={}", k, v); }
    let host = env["HOST"];
    let port = env["PORT"].parse_i64().unwrap();
    let timeout = env.get("TIMEOUT").unwrap_or("30");
    println("connect {}:{} timeout {}s", host, port + 1, timeout);
    let tries = 0;
    for attempt in 1..(env["RETRIES"].parse_i64().unwrap() + 1) {
        tries = attempt;
        println("attempt {} as {}", attempt, env["USER"]);
    }
    println("tries {}", tries);
    let password = env["PASSWORD"];
    println("never {}", password);
}
