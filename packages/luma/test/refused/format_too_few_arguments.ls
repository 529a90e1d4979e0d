// expect-error: E0215
// expect-line: 9
// expect-message: the format string has 3 placeholders, but 2 arguments were given
struct Item { name: string, qty: i64, price: f64 }

func main() {
    let item = Item { name: "pen", qty: 3, price: 1.25 };
    let total = item.qty as f64 * item.price;
    println("{} x {} = {:.2}", item.name, item.qty);
    println("{}", total);
}
