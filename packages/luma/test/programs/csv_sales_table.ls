// A CSV of sales parsed line by line (header skipped, quantities with parse_i64, prices with
// parse_f64, malformed rows counted), totals per region in a Map, and a padded table with a
// right-aligned money column and a grand total.
struct Sale { region: string, product: string, quantity: i64, price: f64 }

func parse_row(line: string) -> Result<Sale, string> {
    let f = line.split(",");
    if (f.len() != 4) { return Err(format("expected 4 fields, got {}", f.len())); }
    let q = f[2].trim().parse_i64()?;
    let p = f[3].trim().parse_f64()?;
    return Ok(Sale { region: f[0].trim(), product: f[1].trim(), quantity: q, price: p });
}

func main() {
    let csv = "region,product,quantity,price\nnorth,apples,120,0.5\nsouth,pears,80,0.75\nnorth,pears,15,0.8\neast,plums,x,1.2\nwest,apples,60,0.55\nsouth,apples,200,0.45\neast,plums,40\nwest,figs,12,2.25\nnorth,figs,5,2.5";
    let lines = csv.split("\n");
    let by_region: Map<string, f64> = Map::new();
    let units: Map<string, i64> = Map::new();
    let bad = 0;
    for i in 1..lines.len() {
        match parse_row(lines[i]) {
            Ok(s) => {
                let amount = (s.quantity as f64) * s.price;
                by_region[s.region] = by_region.get(s.region).unwrap_or(0.0) + amount;
                units[s.product] = units.get(s.product).unwrap_or(0) + s.quantity;
            }
            Err(e) => { bad += 1; println("row {}: {}", i, e); }
        }
    }
    println("{:<8}|{:>10}", "region", "revenue");
    println("--------+----------");
    let total = 0.0;
    for (region, amount) in by_region {
        println("{:<8}|{:>10.2}", region, amount);
        total += amount;
    }
    println("{:<8}|{:>10.2}", "total", total);
    for (product, n) in units { print("{}={} ", product, n); }
    println("");
    println("{} bad rows", bad);
}
