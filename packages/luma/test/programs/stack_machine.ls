// A stack machine: instructions as an enum with payloads in an Array, run by a match in a loop;
// errors as Results passed on with `?`.
enum Op { Push(i64), Add, Mul, Sub, Dup, Print }

func pop(stack: Array<i64>) -> Result<i64, string> {
    match stack.pop() {
        Some(v) => { return Ok(v); }
        None => { return Err("stack underflow"); }
    }
}

func run(program: Array<Op>) -> Result<i64, string> {
    let stack: Array<i64> = Array::new();
    for op in program {
        match op {
            Op::Push(n) => { stack.push(n); }
            Op::Add => { let b = pop(stack)?; let a = pop(stack)?; stack.push(a + b); }
            Op::Mul => { let b = pop(stack)?; let a = pop(stack)?; stack.push(a * b); }
            Op::Sub => { let b = pop(stack)?; let a = pop(stack)?; stack.push(a - b); }
            Op::Dup => { let a = pop(stack)?; stack.push(a); stack.push(a); }
            Op::Print => { let a = pop(stack)?; println("print {}", a); stack.push(a); }
        }
    }
    return pop(stack);
}

func main() {
    let p: Array<Op> = Array::new();
    p.push(Op::Push(6)); p.push(Op::Dup); p.push(Op::Mul); p.push(Op::Print);
    p.push(Op::Push(10)); p.push(Op::Sub);
    match run(p) {
        Ok(v) => { println("result {}", v); }
        Err(e) => { println("error {}", e); }
    }
    let bad: Array<Op> = Array::new();
    bad.push(Op::Push(1)); bad.push(Op::Add);
    match run(bad) {
        Ok(v) => { println("result {}", v); }
        Err(e) => { println("error {}", e); }
    }
}
