// expect-error: E0113
// expect-line: 7
// expect-message: `self`
struct Timer { ticks: i64 }

func elapsed(t: Timer) -> i64 {
    return self.ticks * 10;
}

func main() {
    println("{}", elapsed(Timer { ticks: 3 }));
}
