// Expressions as rc<Expr> matched directly (an rc of an enum is matched as the enum): a shared
// subexpression is built once and used twice, evaluated, printed, and differentiated.
enum Expr { Num(f64), Var(string), Add(rc<Expr>, rc<Expr>), Mul(rc<Expr>, rc<Expr>), Neg(rc<Expr>) }

func num(x: f64) -> rc<Expr> { return rc::new(Expr::Num(x)); }
func var(name: string) -> rc<Expr> { return rc::new(Expr::Var(name)); }
func add(a: rc<Expr>, b: rc<Expr>) -> rc<Expr> { return rc::new(Expr::Add(a, b)); }
func mul(a: rc<Expr>, b: rc<Expr>) -> rc<Expr> { return rc::new(Expr::Mul(a, b)); }

func eval(e: rc<Expr>, env: Map<string, f64>) -> f64 {
    match e {
        Expr::Num(x) => { return x; }
        Expr::Var(name) => { return env.get(name).unwrap_or(0.0); }
        Expr::Add(a, b) => { return eval(a, env) + eval(b, env); }
        Expr::Mul(a, b) => { return eval(a, env) * eval(b, env); }
        Expr::Neg(a) => { return -eval(a, env); }
    }
}

func show(e: rc<Expr>) -> string {
    match e {
        Expr::Num(x) => { return format("{}", x); }
        Expr::Var(name) => { return name; }
        Expr::Add(a, b) => { return "(" + show(a) + " + " + show(b) + ")"; }
        Expr::Mul(a, b) => { return show(a) + "*" + show(b); }
        Expr::Neg(a) => { return "-" + show(a); }
    }
}

/// Simplifying as it builds: 0 + x = x, 1 * x = x, 0 * x = 0.
func deriv(e: rc<Expr>, x: string) -> rc<Expr> {
    match e {
        Expr::Num(_) => { return num(0.0); }
        Expr::Var(name) => {
            if (name == x) { return num(1.0); }
            return num(0.0);
        }
        Expr::Add(a, b) => { return simplify_add(deriv(a, x), deriv(b, x)); }
        Expr::Mul(a, b) => { return simplify_add(simplify_mul(deriv(a, x), b), simplify_mul(a, deriv(b, x))); }
        Expr::Neg(a) => { return rc::new(Expr::Neg(deriv(a, x))); }
    }
}

func is_num(e: rc<Expr>, v: f64) -> bool {
    match e {
        Expr::Num(x) => { return x == v; }
        _ => { return false; }
    }
}

func simplify_add(a: rc<Expr>, b: rc<Expr>) -> rc<Expr> {
    if (is_num(a, 0.0)) { return b; }
    if (is_num(b, 0.0)) { return a; }
    return add(a, b);
}

func simplify_mul(a: rc<Expr>, b: rc<Expr>) -> rc<Expr> {
    if (is_num(a, 0.0) || is_num(b, 0.0)) { return num(0.0); }
    if (is_num(a, 1.0)) { return b; }
    if (is_num(b, 1.0)) { return a; }
    return mul(a, b);
}

func main() {
    let x = var("x");
    let y = var("y");
    let shared = add(mul(x, x), num(0.5));
    let e = add(mul(shared, shared), rc::new(Expr::Neg(mul(y, x))));
    let env: Map<string, f64> = Map::new();
    env["x"] = 1.5;
    env["y"] = -2.0;
    println("e = {}", show(e));
    println("e(1.5, -2) = {}", eval(e, env));
    let dx = deriv(e, "x");
    let dy = deriv(e, "y");
    println("de/dx = {}", show(dx));
    println("de/dy = {}", show(dy));
    for v in [0.0, 0.25, 1.0, 3.0] {
        env["x"] = v;
        println("x={} e={} dx={} dy={}", v, eval(e, env), eval(dx, env), eval(dy, env));
    }
}
