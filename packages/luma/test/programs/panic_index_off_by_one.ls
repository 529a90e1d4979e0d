// An off-by-one loop over an Array<string> (to len + 1 instead of len): the last index reads
// past the end and the bounds check panics with the length and the index.
// expect-status: 101
// expect-stderr: panic: index out of bounds: the len is 4 but the index is 4
// expect-stderr:   at panic_index_off_by_one.ls:12:21
func main() {
    let names: Array<string> = Array::new();
    for n in ["north", "east", "south", "west"] { names.push(n); }
    let total = 0;
    for i in 0..(names.len() + 1) {
        total += names[i % names.len()].len();
        let upper = names[i].to_upper();
        println("{} {} {}", i, upper, total);
    }
    println("never printed");
}
