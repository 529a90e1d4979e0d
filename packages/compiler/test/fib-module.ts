// fib as IR text, the shape the recursion passes are written for: a base case tested on entry, two
// self calls, and a main that prints fib(20).

/** The module, with `base` as the body of fib's base-case block and `others` between fib and main. */
export function fibModule(base = "ret %n", others = ""): string {
  return `
  module "m.py"
  entry @main
  extern @print(i64) -> void memory any
  func @fib(%n: i64) -> i64 {
  entry:
    %0 = icmp lt i1 %n, 2
    condbr %0, base, recurse
  base:
    ${base}
  recurse:
    %1 = sub i64 %n, 1
    %2 = call i64 @fib(%1) @5:11
    %3 = sub i64 %n, 2
    %4 = call i64 @fib(%3) @5:24
    %5 = add i64 %2, %4 raises OverflowError "o" @5:11
    ret %5
  }
${others}
  func @main() -> void {
  entry:
    %0 = call i64 @fib(20) @12:0
    call_extern void @print(%0)
    ret
  }
`;
}
