// A vending machine whose states are rc<State> values of an enum, shared between the machine and
// its history: transitions match on the rc<State> directly (as the enum), states compare with ==
// after reading them out, and the history keeps every state object alive.
enum State { Idle, Collecting(i64), Vending(string, i64), OutOfStock(string) }
struct Machine { state: rc<State>, history: Array<rc<State>>, stock: Map<string, i64> }

func price(item: string) -> i64 {
    match item {
        "cola" => { return 150; }
        "chips" => { return 120; }
        _ => { return 200; }
    }
}

func go(m: rc<Machine>, next: State) {
    m.state = rc::new(next);
    m.history.push(m.state);
}

func step(m: rc<Machine>, input: string) {
    match m.state {
        State::Idle => {
            if (input.starts_with("coin")) { go(m, State::Collecting(input.slice(5, input.len()).parse_i64().unwrap())); }
        }
        State::Collecting(paid) => {
            if (input.starts_with("coin")) {
                go(m, State::Collecting(paid + input.slice(5, input.len()).parse_i64().unwrap()));
            } else if (m.stock.get(input).unwrap_or(0) == 0) {
                go(m, State::OutOfStock(input));
            } else if (paid >= price(input)) {
                m.stock[input] -= 1;
                go(m, State::Vending(input, paid - price(input)));
            }
        }
        State::Vending(_, _) => { go(m, State::Idle); }
        State::OutOfStock(_) => { go(m, State::Collecting(0)); }
    }
}

func show(s: rc<State>) -> string {
    match s {
        State::Idle => { return "idle"; }
        State::Collecting(p) => { return format("paid {}", p); }
        State::Vending(item, change) => { return format("vend {} change {}", item, change); }
        State::OutOfStock(item) => { return format("no {}", item); }
    }
}

func main() {
    let stock: Map<string, i64> = Map::new();
    stock["cola"] = 1;
    stock["chips"] = 3;
    let m = rc::new(Machine { state: rc::new(State::Idle), history: Array::new(), stock: stock });
    let inputs = "coin 100,cola,coin 100,cola,take,coin 50,cola,chips,take,candy,coin 200,chips,take";
    for input in inputs.split(",") {
        step(m, input);
        println("{:<9} -> {}", input, show(m.state));
    }
    let vends = 0;
    let idles = 0;
    for s in m.history {
        let value = match_value(s);
        if (value == State::Idle) { idles += 1; }
        match s {
            State::Vending(_, _) => { vends += 1; }
            _ => {}
        }
    }
    println("{} transitions, {} vends, {} idles, chips left {}", m.history.len(), vends, idles, m.stock["chips"]);
    println("last equals fourth {} equals first {}", match_value(m.history[m.history.len() - 1]) == match_value(m.history[3]), match_value(m.history[m.history.len() - 1]) == match_value(m.history[0]));
}

func match_value(s: rc<State>) -> State {
    match s {
        State::Idle => { return State::Idle; }
        State::Collecting(p) => { return State::Collecting(p); }
        State::Vending(i, c) => { return State::Vending(i, c); }
        State::OutOfStock(i) => { return State::OutOfStock(i); }
    }
}
