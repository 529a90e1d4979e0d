// expect-error: E0216
// expect-line: 8
// expect-message: cannot assign to the constant `MAX_RETRIES`
const MAX_RETRIES: i64 = 3;

func main() {
    let args = args();
    if (args.len() > 1) { MAX_RETRIES = 5; }
    for i in 0..MAX_RETRIES {
        println("attempt {}", i + 1);
    }
}
