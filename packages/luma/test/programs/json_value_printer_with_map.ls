// A JSON-like value as an enum holding arrays of itself and a Map of itself: rendered compactly
// with escaping of quotes, pretty-printed with indentation by recursion, and summed over numbers.
enum Value { Null, Bool(bool), Num(f64), Str(string), List(Array<Value>), Obj(Map<string, Value>) }

func quote(s: string) -> string { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

func compact(v: Value) -> string {
    match v {
        Value::Null => { return "null"; }
        Value::Bool(b) => { return format("{}", b); }
        Value::Num(n) => { return format("{}", n); }
        Value::Str(s) => { return quote(s); }
        Value::List(items) => {
            let parts: Array<string> = Array::new();
            for it in items { parts.push(compact(it)); }
            return "[" + join(parts, ",") + "]";
        }
        Value::Obj(fields) => {
            let parts: Array<string> = Array::new();
            for (k, it) in fields { parts.push(quote(k) + ":" + compact(it)); }
            return "{" + join(parts, ",") + "}";
        }
    }
}

func join(parts: Array<string>, sep: string) -> string {
    let out = "";
    for i in 0..parts.len() {
        if (i > 0) { out = out + sep; }
        out = out + parts[i];
    }
    return out;
}

func pad(n: i64) -> string {
    let s = "";
    for _ in 0..n { s = s + "  "; }
    return s;
}

func pretty(v: Value, depth: i64) {
    match v {
        Value::List(items) => {
            println("[");
            for i in 0..items.len() {
                print("{}", pad(depth + 1));
                pretty(items[i], depth + 1);
                if (i + 1 < items.len()) { println(","); } else { println(""); }
            }
            print("{}]", pad(depth));
        }
        Value::Obj(fields) => {
            println("{{");
            let i = 0;
            for (k, it) in fields {
                print("{}{}: ", pad(depth + 1), quote(k));
                pretty(it, depth + 1);
                i += 1;
                if (i < fields.len()) { println(","); } else { println(""); }
            }
            print("{}}}", pad(depth));
        }
        _ => { print("{}", compact(v)); }
    }
}

func total(v: Value) -> f64 {
    match v {
        Value::Num(n) => { return n; }
        Value::List(items) => { return items.reduce(0.0, |acc, it| acc + total(it)); }
        Value::Obj(fields) => {
            let s = 0.0;
            for x in fields.values() { s += total(x); }
            return s;
        }
        _ => { return 0.0; }
    }
}

func main() {
    let tags: Array<Value> = Array::new();
    tags.push(Value::Str("fast"));
    tags.push(Value::Str("say \"hi\""));
    tags.push(Value::Null);
    let scores: Array<Value> = Array::new();
    scores.push(Value::Num(1.5));
    scores.push(Value::Num(-2.0));
    scores.push(Value::Num(1e21));
    let inner: Map<string, Value> = Map::new();
    inner.insert("ok", Value::Bool(true));
    inner.insert("ratio", Value::Num(0.25));
    let root: Map<string, Value> = Map::new();
    root.insert("name", Value::Str("luma"));
    root.insert("tags", Value::List(tags));
    root.insert("scores", Value::List(scores));
    root.insert("meta", Value::Obj(inner));
    root.insert("empty", Value::List(Array::new()));
    let doc = Value::Obj(root);
    println("{}", compact(doc));
    pretty(doc, 0);
    println("");
    println("sum of numbers: {}", total(doc));
}
