// sort_by on 5000 generated orders is stable: sorting by the minor key and then by the major key
// gives the lexicographic order, equal keys keep their input order, and checksums confirm it.
struct Order { id: i64, region: i64, amount: i64, name: string }

func main() {
    let orders: Array<Order> = Array::new();
    let x = 2463534242;
    for i in 0..5000 {
        x = (x * 48271) % 2147483647;
        orders.push(Order { id: i, region: x % 7, amount: (x / 7) % 1000, name: format("c{}", x % 37) });
    }
    let by_amount = orders.map(|o| o);
    by_amount.sort_by(|a, b| a.amount < b.amount);
    let stable = true;
    for i in 1..by_amount.len() {
        let p = by_amount[i - 1];
        let c = by_amount[i];
        if (p.amount > c.amount || (p.amount == c.amount && p.id > c.id)) { stable = false; }
    }
    println("by amount: first {} ({}) last {} ({}) stable {}", by_amount[0].id, by_amount[0].amount, by_amount[4999].id, by_amount[4999].amount, stable);
    let two_pass = orders.map(|o| o);
    two_pass.sort_by(|a, b| a.amount > b.amount);
    two_pass.sort_by(|a, b| a.region < b.region);
    let ordered = true;
    for i in 1..two_pass.len() {
        let p = two_pass[i - 1];
        let c = two_pass[i];
        if (p.region > c.region) { ordered = false; }
        if (p.region == c.region && p.amount < c.amount) { ordered = false; }
        if (p.region == c.region && p.amount == c.amount && p.id > c.id) { ordered = false; }
    }
    println("region asc, amount desc: ordered {}", ordered);
    let checksum = 0;
    for i in 0..two_pass.len() { checksum = (checksum * 31 + two_pass[i].id * (i + 1)) % 1000000007; }
    println("checksum {}", checksum);
    for r in 0..7 {
        let first = -1;
        let count = 0;
        for i in 0..two_pass.len() {
            if (two_pass[i].region == r) {
                if (first < 0) { first = i; }
                count += 1;
            }
        }
        let top = two_pass[first];
        println("region {} count {:>4} top #{} amount {} {}", r, count, top.id, top.amount, top.name);
    }
    let names = orders.map(|o| o.name);
    names.sort_by(|a, b| a.len() < b.len());
    println("names: {} {} {} ... {}", names[0], names[1], names[2], names[4999]);
    println("original untouched: {} {} {}", orders[0].id, orders[1].id, orders[4999].id);
}
