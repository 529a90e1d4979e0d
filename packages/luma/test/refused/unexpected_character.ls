// expect-error: E0001
// expect-line: 6
// expect-message: `$`
func price_with_tax(price: f64) -> f64 {
    let rate = 0.2;
    return $price * (1.0 + rate);
}

func main() {
    println("{:.2}", price_with_tax(10.0));
}
