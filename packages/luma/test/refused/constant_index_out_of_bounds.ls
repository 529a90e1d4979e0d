// expect-error: E0228
// expect-line: 8
// expect-message: index 3 is out of bounds for an array of length 3
func main() {
    let rgb = [255, 128, 0];
    let r = rgb[0];
    let g = rgb[1];
    let b = rgb[3];
    println("{} {} {}", r, g, b);
}
