// An event source keeps its listeners as weak<Listener>: a listener dropped by its owner is pruned
// at the next notify, and upgrade() hands each live one the event.
struct Listener { name: string, received: i64, total: i64 }
struct Source { listeners: Array<weak<Listener>>, sent: i64 }

func subscribe(src: rc<Source>, l: rc<Listener>) {
    src.listeners.push(weak::new(&l));
}

func notify(src: rc<Source>, value: i64) -> i64 {
    src.sent += 1;
    let alive: Array<weak<Listener>> = Array::new();
    let delivered = 0;
    for w in src.listeners {
        match w.upgrade() {
            Some(l) => {
                l.received += 1;
                l.total += value;
                delivered += 1;
                alive.push(w);
            }
            None => {}
        }
    }
    src.listeners = alive;
    return delivered;
}

func short_lived(src: rc<Source>) {
    let temp = rc::new(Listener { name: "temp", received: 0, total: 0 });
    subscribe(src, temp);
    println("delivered {}", notify(src, 7));
    println("{} got {} total {}", temp.name, temp.received, temp.total);
}

func names(src: rc<Source>) -> string {
    let out = "";
    for w in src.listeners {
        match w.upgrade() {
            Some(l) => { out = out + "[" + l.name + "]"; }
            None => { out = out + "[dead]"; }
        }
    }
    return out;
}

func main() {
    let src = rc::new(Source { listeners: Array::new(), sent: 0 });
    let a = rc::new(Listener { name: "logger", received: 0, total: 0 });
    let b = rc::new(Listener { name: "metrics", received: 0, total: 0 });
    subscribe(src, a);
    subscribe(src, b);
    println("delivered {}", notify(src, 5));
    short_lived(src);
    println("before {} {}", src.listeners.len(), names(src));
    println("delivered {}", notify(src, 11));
    println("after {} {}", src.listeners.len(), names(src));
    let old = weak::new(&b);
    b = rc::new(Listener { name: "metrics2", received: 0, total: 0 });
    println("old metrics alive {}", old.upgrade().is_some());
    println("delivered {}", notify(src, 13));
    subscribe(src, b);
    subscribe(src, a);
    println("delivered {}", notify(src, 1));
    println("{}", names(src));
    println("{}: {} events, total {}", a.name, a.received, a.total);
    println("{}: {} events, total {}", b.name, b.received, b.total);
    println("sent {}", src.sent);
}
