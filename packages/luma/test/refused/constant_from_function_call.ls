// expect-error: E0218
// expect-line: 8
// expect-message: expected a constant expression
func default_size() -> i64 {
    return 64;
}

const BUFFER_SIZE: i64 = default_size();

func main() {
    let buf: Array<u8> = Array::new();
    for i in 0..BUFFER_SIZE { buf.push(0); }
    println("{}", buf.len());
}
