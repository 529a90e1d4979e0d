// std/text.ls laying out a receipt: lines() of an order text, is_digits() validating quantities,
// pad_left/pad_right counting characters (not bytes) for accented names, repeat, join, count and
// reverse.
import "std/text.ls";

struct Item { name: string, qty: i64, cents: i64 }

func money(cents: i64) -> string {
    return format("{}.", cents / 100) + pad_left(format("{}", cents % 100), 2, "0");
}

func main() {
    let order = "crème brûlée|2|650\nespresso|3|210\njalapeño bagel|1|395\nthé vert|x2|300\nçevapi|12|120\n\nwater|1|0\n";
    let items: Array<Item> = Array::new();
    let rejected: Array<string> = Array::new();
    for line in lines(order) {
        if (line.len() == 0) { continue; }
        let f = line.split("|");
        if (is_digits(f[1]) && is_digits(f[2])) {
            items.push(Item { name: f[0], qty: f[1].parse_i64().unwrap(), cents: f[2].parse_i64().unwrap() });
        } else {
            rejected.push(f[0]);
        }
    }
    let width = 30;
    let rule = repeat("=", width);
    println("{}", rule);
    println("{}", pad_left("CAFÉ LUMA", 19, " "));
    println("{}", rule);
    let total = 0;
    for it in items {
        let cost = it.qty * it.cents;
        total += cost;
        let left = pad_right(format("{} x{}", it.name, it.qty), 20, ".");
        println("{}{}", left, pad_left(money(cost), 10, "."));
    }
    println("{}", repeat("-", width));
    println("{}{}", pad_right("TOTAL", 20, " "), pad_left(money(total), 10, " "));
    println("{}", rule);
    let names: Array<string> = Array::new();
    for it in items { names.push(it.name); }
    println("items: {}", join(names, ", "));
    println("rejected: [{}]", join(rejected, "; "));
    println("char widths: {} bytes {} chars", "crème brûlée".len(), char_count("crème brûlée"));
    println("reversed: {}", reverse("jalapeño"));
    println("'e' in the names: {}, 'é' {}", count(join(names, ""), "e"), count(join(names, ""), "é"));
    for w in ["level", "été", "kayak", "luma"] {
        println("{} palindrome {}", pad_right(w, 6, " ") + "|", reverse(w) == w);
    }
}
