// Closures capture by value, but a captured rc is shared: id generators and an event bus whose
// handlers update rc state, a memoised fibonacci through a captured rc<Memo> map, and a
// captured plain integer that stays frozen at its value when the closure was made.
struct Counter { next: i64, issued: Array<string> }
struct Memo { table: Map<i64, i64>, misses: i64 }

func id_generator(prefix: string, state: rc<Counter>) -> func() -> string {
    return || -> string {
        state.next += 1;
        let id = format("{}-{}", prefix, state.next);
        state.issued.push(id);
        return id;
    };
}

func fib_with(memo: rc<Memo>) -> func(i64) -> i64 {
    return |n: i64| -> i64 {
        if (memo.table.contains_key(n)) { return memo.table[n]; }
        if (memo.table.len() == 0) {
            memo.table[0] = 0;
            memo.table[1] = 1;
            memo.misses += 2;
        }
        let k = memo.table.len();
        while (k <= n) {
            memo.table[k] = memo.table[k - 1] + memo.table[k - 2];
            memo.misses += 1;
            k += 1;
        }
        return memo.table[n];
    };
}

func main() {
    let shared = rc::new(Counter { next: 0, issued: Array::new() });
    let order = id_generator("ord", shared);
    let invoice = id_generator("inv", shared);
    println("{} {} {} {}", order(), order(), invoice(), order());
    println("issued {} next {}", shared.issued.len(), shared.next);
    let separate = id_generator("tmp", rc::new(Counter { next: 100, issued: Array::new() }));
    println("{} {} shared still {}", separate(), separate(), shared.next);
    let totals = rc::new(Memo { table: Map::new(), misses: 0 });
    let handlers: Array<func(i64)> = Array::new();
    let frozen = 10;
    handlers.push(|x: i64| { totals.table[0] = totals.table.get(0).unwrap_or(0) + x; });
    handlers.push(|x: i64| { totals.table[1] = max(totals.table.get(1).unwrap_or(0), x * frozen); });
    frozen = 1000;
    handlers.push(|x: i64| { if (x % 2 == 0) { totals.misses += frozen; } });
    for x in [3, 8, -2, 5] {
        for h in handlers { h(x); }
    }
    println("sum {} max*10 {} even bonus {}", totals.table[0], totals.table[1], totals.misses);
    let memo = rc::new(Memo { table: Map::new(), misses: 0 });
    let fib = fib_with(memo);
    println("fib(10) {} misses {}", fib(10), memo.misses);
    println("fib(15) {} misses {}", fib(15), memo.misses);
    println("fib(12) {} misses {} table {}", fib(12), memo.misses, memo.table.len());
    println("fib(90) {}", fib(90));
}
