// A generic enum and generic functions over it: a binary choice, its mapping by hand, and a
// generic pair swapped twice.
enum Either<L, R> { Left(L), Right(R) }
struct Pair<A, B> { a: A, b: B }

func describe(e: Either<i64, string>) -> string {
    match e {
        Either::Left(n) => { return format("left {}", n); }
        Either::Right(s) => { return format("right {}", s); }
    }
}

func flip<A, B>(p: Pair<A, B>) -> Pair<B, A> { return Pair { a: p.b, b: p.a }; }

func parse(text: string) -> Either<i64, string> {
    let n = text.parse_i64();
    if (n.is_ok()) { return Either::Left(n.unwrap()); }
    return Either::Right(text.to_upper());
}

func main() {
    println("{}", describe(parse("42")));
    println("{}", describe(parse("abc")));
    let p = Pair { a: 1.5, b: true };
    let q = flip(p);
    let r = flip(q);
    println("{} {} {} {}", q.a, q.b, r.a, r.b);
}
