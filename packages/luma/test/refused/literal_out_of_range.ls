// expect-error: E0202
// expect-line: 6
// expect-message: literal out of range for u8
func main() {
    let pixels: Array<u8> = Array::new();
    let white: u8 = 256;
    pixels.push(white);
    println("{}", pixels.len());
}
