// Array.sort(): stable, for signed and unsigned integers of any width, floats and strings.
func main() {
    let xs: Array<i64> = Array::new();
    xs.push(5); xs.push(-3); xs.push(12); xs.push(0); xs.push(-3); xs.push(7);
    xs.sort();
    for x in xs { print("{} ", x); }
    println("");
    let small: Array<u8> = Array::new();
    small.push(200); small.push(3); small.push(255); small.push(17);
    small.sort();
    for x in small { print("{} ", x); }
    println("");
    let fs: Array<f64> = Array::new();
    fs.push(2.5); fs.push(-0.5); fs.push(1e10); fs.push(0.25);
    fs.sort();
    for x in fs { print("{} ", x); }
    println("");
    let words = "pear apple fig banana apple cherry".split(" ");
    words.sort();
    for w in words { print("{} ", w); }
    println("");
}
