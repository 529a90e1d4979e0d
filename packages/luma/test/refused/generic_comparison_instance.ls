// expect-error: E0201
// expect-line: 6
// expect-message: cannot apply `<` to Version
/// The larger of two values.
func larger<T>(a: T, b: T) -> T {
    if (a < b) { return b; }
    return a;
}

struct Version { major: i64, minor: i64 }

func main() {
    println("{}", larger(3, 7));
    let v = larger(Version { major: 1, minor: 2 }, Version { major: 1, minor: 3 });
    println("{}.{}", v.major, v.minor);
}
