// An enum variant holding a fixed array is a value like the array: copying the enum copies the
// array, so changing one copy leaves the other alone.
enum Slot { Empty, Cells([3]i64), Named(string, [2]i64) }

func find(ok: bool) -> Option<[3]i64> {
    if (ok) { return Some([1, 2, 3]); }
    return None;
}

func total(s: Slot) -> i64 {
    match s {
        Slot::Empty => { return 0; }
        Slot::Cells(c) => { return c[0] + c[1] + c[2]; }
        Slot::Named(_, p) => { return p[0] * p[1]; }
    }
}

func main() {
    match find(true) {
        Some(a) => { println("sum {}", a[0] + a[1] + a[2]); }
        None => { println("none"); }
    }
    println("missing {}", find(false).is_none());
    let first = Slot::Cells([4, 5, 6]);
    let second = first;
    match second {
        Slot::Cells(c) => {
            c[0] = 100;
            println("changed copy {}", c[0] + c[1] + c[2]);
        }
        _ => {}
    }
    println("original {} copy {}", total(first), total(second));
    let slots = [Slot::Empty, Slot::Named("pair", [6, 7]), first];
    let grand = 0;
    for s in slots { grand += total(s); }
    println("grand {}", grand);
}
