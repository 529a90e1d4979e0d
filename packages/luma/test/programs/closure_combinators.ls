// Closures that capture and return closures: compose, twice, curried adders, a pipeline of stages
// built in a loop (each capturing its own index), and predicates combined with and/or/not.
func compose(f: func(i64) -> i64, g: func(i64) -> i64) -> func(i64) -> i64 {
    return |x| g(f(x));
}

func twice(f: func(i64) -> i64) -> func(i64) -> i64 {
    return compose(f, f);
}

func adder(n: i64) -> func(i64) -> func(i64) -> i64 {
    return |m: i64| -> func(i64) -> i64 { return |x| x + n * m; };
}

func both(p: func(i64) -> bool, q: func(i64) -> bool) -> func(i64) -> bool { return |x| p(x) && q(x); }
func either(p: func(i64) -> bool, q: func(i64) -> bool) -> func(i64) -> bool { return |x| p(x) || q(x); }
func negate(p: func(i64) -> bool) -> func(i64) -> bool { return |x| !p(x); }

func divisible(d: i64) -> func(i64) -> bool { return |x| x % d == 0; }

func collect(p: func(i64) -> bool, limit: i64) -> string {
    let out = "";
    for i in 1..limit { if (p(i)) { out = out + format("{} ", i); } }
    return out.trim();
}

func main() {
    let inc = |x: i64| x + 1;
    let dbl = |x: i64| x * 2;
    let inc_then_dbl = compose(inc, dbl);
    let dbl_then_inc = compose(dbl, inc);
    println("{} {} {}", inc_then_dbl(5), dbl_then_inc(5), twice(twice(dbl))(3));
    let quad = twice(inc_then_dbl);
    println("quad(1) {} quad(-1) {}", quad(1), quad(-1));
    let add10 = adder(10);
    let add30 = add10(3);
    println("add30(5) {} adder(2)(7)(1) {}", add30(5), adder(2)(7)(1));
    let stages: Array<func(i64) -> i64> = Array::new();
    for i in 1..5 {
        let k = i * i;
        stages.push(|x| x * 10 + k);
    }
    let acc = 0;
    for s in stages { acc = s(acc); }
    println("pipeline {}", acc);
    let chained = |x: i64| x;
    for s in stages { chained = compose(chained, s); }
    println("chained {} {}", chained(0), chained(1));
    let fizz = divisible(3);
    let buzz = divisible(5);
    println("fizzbuzz: {}", collect(both(fizz, buzz), 50));
    println("fizz or buzz: {}", collect(either(fizz, buzz), 20));
    println("neither: {}", collect(negate(either(fizz, buzz)), 20));
    let odd_not_7 = both(negate(divisible(2)), negate(divisible(7)));
    println("odd, not 7: {}", collect(odd_not_7, 30));
    let counter_base = 100;
    let make = |step: i64| -> func(i64) -> i64 { return |n| counter_base + step * n; };
    let by3 = make(3);
    let by5 = make(5);
    println("{} {} {}", by3(1), by5(2), make(-1)(100));
}
