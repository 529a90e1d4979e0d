// Structural == and != on nested values: structs holding enums, strings, Options and fixed arrays
// are compared field by field to drop duplicate events, count repeats, and diff two snapshots.
enum Kind { Click, Key(string), Scroll(i64, i64) }
struct Pos { x: i64, y: i64 }
struct Event { kind: Kind, at: Pos, mods: [3]bool, target: Option<string> }

func ev(kind: Kind, x: i64, y: i64, shift: bool, target: Option<string>) -> Event {
    return Event { kind: kind, at: Pos { x: x, y: y }, mods: [shift, false, false], target: target };
}

func describe(e: Event) -> string {
    let k = "";
    match e.kind {
        Kind::Click => { k = "click"; }
        Kind::Key(name) => { k = "key " + name; }
        Kind::Scroll(dx, dy) => { k = format("scroll {},{}", dx, dy); }
    }
    return format("{} @{},{}{} {}", k, e.at.x, e.at.y, if_shift(e.mods[0]), e.target.unwrap_or("-"));
}

func if_shift(b: bool) -> string {
    if (b) { return " +shift"; }
    return "";
}

func main() {
    let log: Array<Event> = Array::new();
    log.push(ev(Kind::Click, 10, 20, false, Some("ok")));
    log.push(ev(Kind::Key("a"), 0, 0, false, None));
    log.push(ev(Kind::Click, 10, 20, false, Some("ok")));
    log.push(ev(Kind::Key("a"), 0, 0, true, None));
    log.push(ev(Kind::Scroll(0, -3), 5, 5, false, None));
    log.push(ev(Kind::Key("a" + ""), 0, 0, false, None));
    log.push(ev(Kind::Scroll(0, 3), 5, 5, false, None));
    log.push(ev(Kind::Click, 10, 20, false, Some("cancel")));
    log.push(ev(Kind::Scroll(0, -3), 5, 5, false, None));
    let unique: Array<Event> = Array::new();
    let repeats: Array<i64> = Array::new();
    for e in log {
        let found = -1;
        for i in 0..unique.len() {
            if (unique[i] == e) { found = i; }
        }
        if (found < 0) {
            unique.push(e);
            repeats.push(1);
        } else {
            repeats[found] += 1;
        }
    }
    println("{} events, {} distinct", log.len(), unique.len());
    for i in 0..unique.len() { println("  x{} {}", repeats[i], describe(unique[i])); }
    let before = [Pos { x: 1, y: 2 }, Pos { x: 3, y: 4 }, Pos { x: 5, y: 6 }];
    let after = before;
    after[1].y = 40;
    for i in 0..3 {
        if (before[i] != after[i]) { println("slot {} changed: {},{} -> {},{}", i, before[i].x, before[i].y, after[i].x, after[i].y); }
    }
    println("arrays equal {} after undo {}", before == after, before == [Pos { x: 1, y: 2 }, Pos { x: 3, y: 4 }, Pos { x: 5, y: 6 }]);
    let k1 = Kind::Scroll(1, 2);
    let k2 = Kind::Scroll(1, 2);
    println("{} {} {}", k1 == k2, k1 != Kind::Click, Kind::Key("x") == Kind::Key("y"));
    let t1: Option<Pos> = Some(Pos { x: 0, y: 0 });
    println("{} {} {}", t1 == Some(Pos { x: 0, y: 0 }), t1 != None, t1 == Some(Pos { x: 0, y: 1 }));
}
