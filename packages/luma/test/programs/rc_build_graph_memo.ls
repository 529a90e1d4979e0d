// A build graph of rc<Target> nodes shared between several dependents: each target's finish time
// is memoised in the shared node (computed once however many paths reach it), and a change
// through one holder is seen through every other.
struct Target { name: string, cost: i64, deps: Array<rc<Target>>, finish: i64, visits: i64 }

func target(name: string, cost: i64) -> rc<Target> {
    return rc::new(Target { name: name, cost: cost, deps: Array::new(), finish: -1, visits: 0 });
}

func finish_time(t: rc<Target>) -> i64 {
    t.visits += 1;
    if (t.finish >= 0) { return t.finish; }
    let start = 0;
    for d in t.deps { start = max(start, finish_time(d)); }
    t.finish = start + t.cost;
    return t.finish;
}

func critical_path(t: rc<Target>) -> string {
    let slowest: Option<rc<Target>> = None;
    for d in t.deps {
        match slowest {
            Some(s) => { if (d.finish > s.finish) { slowest = Some(d); } }
            None => { slowest = Some(d); }
        }
    }
    match slowest {
        Some(s) => { return critical_path(s) + " -> " + t.name; }
        None => { return t.name; }
    }
}

func reset(all: [7]rc<Target>) {
    for t in all { t.finish = -1; t.visits = 0; }
}

func main() {
    let headers = target("headers", 2);
    let lexer = target("lexer", 5);
    let parser = target("parser", 8);
    let types = target("types", 6);
    let codegen = target("codegen", 9);
    let runtime = target("runtime", 4);
    let app = target("app", 3);
    lexer.deps.push(headers);
    parser.deps.push(lexer);
    parser.deps.push(headers);
    types.deps.push(parser);
    types.deps.push(headers);
    codegen.deps.push(types);
    codegen.deps.push(parser);
    runtime.deps.push(headers);
    app.deps.push(codegen);
    app.deps.push(runtime);
    app.deps.push(types);
    let all = [headers, lexer, parser, types, codegen, runtime, app];
    println("app done at {}", finish_time(app));
    for t in all { println("{:<8} cost {:>2} finish {:>3} visits {}", t.name, t.cost, t.finish, t.visits); }
    println("critical: {}", critical_path(app));
    let shared = app.deps[2].deps[1];
    shared.cost = 20;
    println("headers cost seen through lexer: {}", lexer.deps[0].cost);
    reset(all);
    println("app done at {}", finish_time(app));
    println("critical: {}", critical_path(app));
    runtime.cost = 60;
    reset(all);
    println("app done at {} via {}", finish_time(app), critical_path(app));
    println("headers visits {}", headers.visits);
}
