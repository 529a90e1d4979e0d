// to_lower and to_upper of one-character strings leave the runtime's shared one-character strings
// alone (they once wrote the case change into them).
func main() {
    let c = "A".chars()[0];
    let low = c.to_lower();
    let again = "BAB".chars();
    println("{} {} {} {}", c, low, again[1], again[0]);
    let x = "x";
    let up = x.to_upper();
    println("{} {} {}", x, up, "xx".chars()[1]);
}
