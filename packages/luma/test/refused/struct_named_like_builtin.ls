// expect-error: E0109
// expect-line: 4
// expect-message: `Map` is a built-in type and cannot be defined again
struct Map {
    width: i64,
    height: i64,
    tiles: Array<u8>,
}

func main() {
    let tiles: Array<u8> = Array::new();
    let m = Map { width: 2, height: 2, tiles: tiles };
    println("{}x{}", m.width, m.height);
}
