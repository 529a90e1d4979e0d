// A settings file parsed into a Map; a required setting read with expect() panics with the text
// given to expect when it is missing, after the settings that exist were used.
// expect-status: 101
// expect-stderr: panic: setting 'timeout' is required
// expect-stderr:   at panic_expect_message.ls:23:19
func parse(text: string) -> Map<string, string> {
    let settings: Map<string, string> = Map::new();
    for line in text.split("\n") {
        let t = line.trim();
        if (t.len() == 0 || t.starts_with("#")) { continue; }
        match t.find("=") {
            Some(i) => { settings.insert(t.slice(0, i).trim(), t.slice(i + 1, t.len()).trim()); }
            None => { println("ignored: {}", t); }
        }
    }
    return settings;
}

func main() {
    let s = parse("# server\nhost = example.org\nport=8080\n  verbose  \n\nname = luma = fun");
    println("{} settings", s.len());
    println("{}:{} name '{}'", s.get("host").expect("setting 'host' is required"), s["port"], s["name"]);
    let timeout = s.get("timeout").expect("setting 'timeout' is required");
    println("timeout {}", timeout);
}
