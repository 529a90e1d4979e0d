// Validation deep in a call chain: orders checked by a method, a bad quantity found in the third
// order makes panic() print a formatted message with the place of the panic call.
// expect-status: 101
// expect-stderr: panic: order 3: quantity -2 of 'widget' is not positive
// expect-stderr:   at panic_custom_validation.ls:15:13
struct Order { id: i64, item: string, quantity: i64, price: f64 }

impl Order {
    func total(self) -> f64 {
        self.check();
        return (self.quantity as f64) * self.price;
    }
    func check(self) {
        if (self.quantity <= 0) {
            panic("order {}: quantity {} of '{}' is not positive", self.id, self.quantity, self.item);
        }
    }
}

func invoice(orders: Array<Order>) -> f64 {
    let sum = 0.0;
    for o in orders {
        let t = o.total();
        println("order {}: {} x {} = {:.2}", o.id, o.quantity, o.item, t);
        sum += t;
    }
    return sum;
}

func main() {
    let orders: Array<Order> = Array::new();
    orders.push(Order { id: 1, item: "bolt", quantity: 100, price: 0.05 });
    orders.push(Order { id: 2, item: "gear", quantity: 3, price: 12.5 });
    orders.push(Order { id: 3, item: "widget", quantity: -2, price: 4.0 });
    println("total {:.2}", invoice(orders));
}
