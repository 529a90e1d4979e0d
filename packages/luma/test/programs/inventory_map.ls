// An inventory kept in a Map of structs: stock moves, a low-stock report sorted by name, totals
// with reduce over values().
struct Item { name: string, count: i64, price: f64 }

func restock(inv: Map<string, Item>, name: string, n: i64) {
    match inv.get(name) {
        Some(item) => { let updated = item; updated.count += n; inv.insert(name, updated); }
        None => { println("unknown {}", name); }
    }
}

func main() {
    let inv: Map<string, Item> = Map::new();
    inv.insert("bolt", Item { name: "bolt", count: 120, price: 0.25 });
    inv.insert("nut", Item { name: "nut", count: 4, price: 0.1 });
    inv.insert("gear", Item { name: "gear", count: 2, price: 12.5 });
    restock(inv, "nut", 10);
    restock(inv, "cog", 1);
    inv["gear"] = Item { name: "gear", count: 1, price: 12.5 };
    let low = inv.values().filter(|it| it.count < 20);
    low.sort_by(|a, b| a.name < b.name);
    for it in low { println("low: {} ({})", it.name, it.count); }
    let value = inv.values().reduce(0.0, |acc, it| acc + (it.count as f64) * it.price);
    println("stock value {:.2}", value);
}
