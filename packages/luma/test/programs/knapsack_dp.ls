// 0/1 knapsack by dynamic programming over a table of Array<Array<i64>>, the chosen items
// recovered by walking the table back, for three capacities.
struct Item { name: string, weight: i64, value: i64 }

func solve(items: Array<Item>, capacity: i64) {
    let n = items.len();
    let table: Array<Array<i64>> = Array::new();
    for _ in 0..(n + 1) {
        let row: Array<i64> = Array::new();
        for _ in 0..(capacity + 1) { row.push(0); }
        table.push(row);
    }
    for i in 1..(n + 1) {
        let it = items[i - 1];
        for c in 0..(capacity + 1) {
            let best = table[i - 1][c];
            if (it.weight <= c) {
                let with = table[i - 1][c - it.weight] + it.value;
                if (with > best) { best = with; }
            }
            table[i][c] = best;
        }
    }
    let chosen: Array<string> = Array::new();
    let c = capacity;
    let i = n;
    while (i > 0) {
        if (table[i][c] != table[i - 1][c]) {
            chosen.push(items[i - 1].name);
            c -= items[i - 1].weight;
        }
        i -= 1;
    }
    chosen.reverse();
    let names = "";
    for name in chosen { names = names + " " + name; }
    println("capacity {:>2}: value {:>3}, weight {:>2}:{}", capacity, table[n][capacity], capacity - c, names);
}

func main() {
    let items: Array<Item> = Array::new();
    items.push(Item { name: "tent", weight: 11, value: 60 });
    items.push(Item { name: "stove", weight: 4, value: 40 });
    items.push(Item { name: "food", weight: 6, value: 70 });
    items.push(Item { name: "water", weight: 8, value: 65 });
    items.push(Item { name: "book", weight: 2, value: 8 });
    items.push(Item { name: "camera", weight: 3, value: 30 });
    items.push(Item { name: "rope", weight: 5, value: 20 });
    for cap in [10, 20, 30] { solve(items, cap); }
}
