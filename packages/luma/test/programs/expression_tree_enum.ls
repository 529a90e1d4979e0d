// An expression tree as an enum whose variants hold rc<Expr> children: evaluation with variables
// from a Map, printing with minimal parentheses, constant folding into a new tree, and a count of
// the nodes; an unknown variable is an Err.
enum Expr { Num(i64), Var(string), Add(rc<Expr>, rc<Expr>), Mul(rc<Expr>, rc<Expr>), Neg(rc<Expr>) }

func num(n: i64) -> rc<Expr> { return rc::new(Expr::Num(n)); }
func var(s: string) -> rc<Expr> { return rc::new(Expr::Var(s)); }
func add(a: rc<Expr>, b: rc<Expr>) -> rc<Expr> { return rc::new(Expr::Add(a, b)); }
func mul(a: rc<Expr>, b: rc<Expr>) -> rc<Expr> { return rc::new(Expr::Mul(a, b)); }
func neg(a: rc<Expr>) -> rc<Expr> { return rc::new(Expr::Neg(a)); }

func eval(e: rc<Expr>, env: Map<string, i64>) -> Result<i64, string> {
    match e {
        Expr::Num(n) => { return Ok(n); }
        Expr::Var(name) => {
            match env.get(name) {
                Some(v) => { return Ok(v); }
                None => { return Err(format("unknown variable {}", name)); }
            }
        }
        Expr::Add(a, b) => { return Ok(eval(a, env)? + eval(b, env)?); }
        Expr::Mul(a, b) => { return Ok(eval(a, env)? * eval(b, env)?); }
        Expr::Neg(a) => { return Ok(-eval(a, env)?); }
    }
}

func show(e: rc<Expr>, parent: i64) -> string {
    match e {
        Expr::Num(n) => { return format("{}", n); }
        Expr::Var(name) => { return name; }
        Expr::Add(a, b) => {
            let s = show(a, 1) + " + " + show(b, 1);
            if (parent > 1) { return "(" + s + ")"; }
            return s;
        }
        Expr::Mul(a, b) => { return show(a, 2) + " * " + show(b, 2); }
        Expr::Neg(a) => { return "-" + show(a, 3); }
    }
}

func fold(e: rc<Expr>) -> rc<Expr> {
    match e {
        Expr::Add(a, b) => {
            let x = fold(a);
            let y = fold(b);
            match x {
                Expr::Num(m) => {
                    match y {
                        Expr::Num(n) => { return num(m + n); }
                        _ => {}
                    }
                    if (m == 0) { return y; }
                }
                _ => {}
            }
            return add(x, y);
        }
        Expr::Mul(a, b) => {
            let x = fold(a);
            let y = fold(b);
            match x {
                Expr::Num(m) => {
                    match y {
                        Expr::Num(n) => { return num(m * n); }
                        _ => {}
                    }
                    if (m == 1) { return y; }
                }
                _ => {}
            }
            return mul(x, y);
        }
        Expr::Neg(a) => {
            let x = fold(a);
            match x {
                Expr::Num(m) => { return num(-m); }
                _ => { return neg(x); }
            }
        }
        _ => { return e; }
    }
}

func size(e: rc<Expr>) -> i64 {
    match e {
        Expr::Add(a, b) => { return 1 + size(a) + size(b); }
        Expr::Mul(a, b) => { return 1 + size(a) + size(b); }
        Expr::Neg(a) => { return 1 + size(a); }
        _ => { return 1; }
    }
}

func main() {
    let env: Map<string, i64> = Map::new();
    env["x"] = 7;
    env["y"] = -3;
    let e1 = mul(add(var("x"), num(2)), neg(add(var("y"), mul(num(2), num(5)))));
    let e2 = add(mul(num(1), var("x")), add(num(0), mul(add(num(2), num(3)), var("z"))));
    let e3 = add(neg(neg(num(4))), mul(num(3), add(num(1), num(1))));
    for e in [e1, e2, e3] {
        let folded = fold(e);
        match eval(e, env) {
            Ok(v) => { println("{} = {}", show(e, 0), v); }
            Err(msg) => { println("{}: {}", show(e, 0), msg); }
        }
        println("  folded: {} ({} -> {} nodes)", show(folded, 0), size(e), size(folded));
    }
}
