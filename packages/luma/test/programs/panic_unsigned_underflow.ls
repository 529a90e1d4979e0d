// Stock levels in u32: shipments subtract from the stock of each product, and a shipment larger
// than the stock underflows the unsigned subtraction, which a debug build reports as a panic.
// expect-status: 101
// expect-stderr: panic: attempt to subtract with overflow
// expect-stderr:   at panic_unsigned_underflow.ls:9:41
struct Stock { name: string, units: u32 }

func ship(s: Stock, n: u32) -> Stock {
    return Stock { name: s.name, units: s.units - n };
}

func main() {
    let stock: Array<Stock> = Array::new();
    stock.push(Stock { name: "bolts", units: 500 });
    stock.push(Stock { name: "nuts", units: 120 });
    let orders = [[0, 200], [1, 100], [0, 250], [1, 30]];
    for o in orders {
        let i = o[0];
        stock[i] = ship(stock[i], o[1] as u32);
        println("{} left: {}", stock[i].name, stock[i].units);
    }
}
