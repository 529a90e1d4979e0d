// Closures kept in structs and Maps: named handlers (func(string) -> string) registered in a
// Map and dispatched by event name, validators as predicates combined with all/any helpers, a
// memoising wrapper over an rc cache, and a counter generator sharing an rc cell.
struct Handler { name: string, run: func(string) -> string }
struct Cell { value: i64 }

func all(checks: Array<func(i64) -> bool>, x: i64) -> bool {
    for c in checks { if (!c(x)) { return false; } }
    return true;
}

func any(checks: Array<func(i64) -> bool>, x: i64) -> bool {
    return checks.filter(|c| c(x)).len() > 0;
}

func counter(start: i64, step: i64) -> func() -> i64 {
    let cell = rc::new(Cell { value: start - step });
    return || -> i64 { cell.value += step; return cell.value; };
}

func slow_square(x: i64) -> i64 { return x * x; }

func memo(f: func(i64) -> i64, cache: Map<i64, i64>) -> func(i64) -> i64 {
    return |x: i64| -> i64 {
        match cache.get(x) {
            Some(v) => { return v; }
            None => {}
        }
        let v = f(x);
        cache.insert(x, v);
        return v;
    };
}

func main() {
    let prefix = ">> ";
    let handlers: Map<string, Handler> = Map::new();
    handlers.insert("shout", Handler { name: "shout", run: |s| s.to_upper() + "!" });
    handlers.insert("echo", Handler { name: "echo", run: |s| prefix + s });
    handlers.insert("count", Handler { name: "count", run: |s| format("{} words", s.split(" ").len()) });
    for ev in ["echo", "shout", "count", "quit"] {
        match handlers.get(ev) {
            Some(h) => { println("[{}] {}", h.name, (h.run)("hello there world")); }
            None => { println("no handler for {}", ev); }
        }
    }
    let checks: Array<func(i64) -> bool> = Array::new();
    let limit = 100;
    checks.push(|x| x > 0);
    checks.push(|x| x % 2 == 0);
    checks.push(|x| x < limit);
    for x in [4, 7, -2, 150, 98] { print("{}:{}/{} ", x, all(checks, x), any(checks, x)); }
    println("");
    let next = counter(10, 5);
    let other = counter(0, 1);
    println("{} {} {} {} {}", next(), next(), other(), next(), other());
    let cache: Map<i64, i64> = Map::new();
    let fast = memo(slow_square, cache);
    let total = 0;
    for i in 0..50 { total += fast(i % 7); }
    println("total {} with {} cached values", total, cache.len());
}
